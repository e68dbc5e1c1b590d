package org.boxoffice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.boxoffice.domain.Hold;
import org.boxoffice.domain.Layout;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A hold as clients see it, with its status at the moment of the answer. */
@Schema(name = "Hold")
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HoldResponse(UUID holdId, UUID eventId, int[] seats,
        @Schema(description = "held, released, confirmed or expired", examples = "held") String status,
        Instant createdAt, Instant expiresAt,
        @Schema(description = "The booking it was confirmed into", nullable = true) UUID bookingId,
        @Schema(description = "Each seat's section, row, number and price; absent for an event without a layout")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Places.Place> places,
        @Schema(description = "What the seats cost, fixed when the hold was placed; absent for a free event")
        @JsonInclude(JsonInclude.Include.NON_NULL) MoneyResponse total) {

    static HoldResponse of(Hold hold, Instant now, Places places) {
        return of(hold, now, places.layout(hold.eventId()));
    }

    /** @param layout its event's layout, or null */
    static HoldResponse of(Hold hold, Instant now, Layout layout) {
        return new HoldResponse(hold.id().value(), hold.eventId().value(), hold.seats().seats(),
                hold.statusAt(now).wireName(), hold.createdAt(), hold.expiresAt(),
                hold.bookingId() == null ? null : hold.bookingId().value(),
                Places.of(layout, hold.seats(), hold.prices()),
                hold.prices().isFree() ? null : MoneyResponse.of(hold.prices().total()));
    }
}
