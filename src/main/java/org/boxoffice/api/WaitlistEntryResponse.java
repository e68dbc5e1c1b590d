package org.boxoffice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;
import org.boxoffice.domain.WaitlistEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An entry of an event's waiting list as clients see it, with its status at the moment of the answer. */
@Schema(name = "WaitlistEntry")
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WaitlistEntryResponse(UUID entryId, UUID eventId,
        @Schema(description = "How many seats it waits for", examples = "2") int quantity,
        @Schema(description = "While waiting: its place among the waiting entries, 1 being next", examples = "3")
        Integer position,
        @Schema(description = "waiting, offered (a hold of seats until offer_expires_at), accepted (the hold was"
                + " booked), expired (the offer ran out, or the event was cancelled) or left", examples = "waiting")
        String status,
        Instant createdAt,
        @Schema(description = "The hold of the seats offered: book it with POST /bookings with {\"hold_id\"}")
        UUID holdId,
        @Schema(description = "When the offer (and its hold) expires") Instant offerExpiresAt) {

    static WaitlistEntryResponse of(WaitlistEntry entry, Instant now) {
        return new WaitlistEntryResponse(entry.id().value(), entry.eventId().value(), entry.quantity(),
                entry.position() > 0 ? entry.position() : null, entry.statusAt(now).wireName(), entry.createdAt(),
                entry.holdId() == null ? null : entry.holdId().value(), entry.offerExpiresAt());
    }
}
