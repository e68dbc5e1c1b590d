package org.boxoffice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.boxoffice.domain.Event;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event as clients see it; {@code event_id} as in the seed. */
@Schema(name = "Event")
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EventResponse(UUID eventId, String name, Instant dateTime, String venue, int totalSeats,
        Instant createdAt,
        @Schema(description = "The venue's sections and rows; absent for an event created without one, and in"
                + " the list of events (GET /events), whose page it could make large: read it from GET /events/{event_id}")
        @JsonInclude(JsonInclude.Include.NON_NULL) VenueLayout layout,
        @Schema(description = "What seats cost; absent for a free event")
        @JsonInclude(JsonInclude.Include.NON_NULL) SaleTerms.PricingBody pricing,
        @Schema(description = "What a cancellation refunds, by how long before the start it comes")
        List<SaleTerms.TierBody> refundPolicy,
        @Schema(description = "scheduled, or cancelled (then every booking was refunded in full)",
                examples = SCHEDULED, enumeration = {SCHEDULED, CANCELLED}) String status,
        @Schema(description = "When it was cancelled")
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant cancelledAt) {

    static final String SCHEDULED = "scheduled";
    static final String CANCELLED = "cancelled";

    static EventResponse of(Event event) {
        return of(event, VenueLayout.of(event.layout()));
    }

    /** The event as a list shows it: without its layout, which can be large. */
    static EventResponse listed(Event event) {
        return of(event, null);
    }

    private static EventResponse of(Event event, VenueLayout layout) {
        return new EventResponse(event.id().value(), event.name(), event.startsAt(), event.venue(),
                event.totalSeats(), event.createdAt(), layout,
                SaleTerms.PricingBody.of(event.pricing()), SaleTerms.of(event.refundPolicy()),
                event.isCancelled() ? CANCELLED : SCHEDULED, event.cancelledAt());
    }
}
