package org.boxoffice.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.boxoffice.domain.Event;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /events}, as in the seed, with an optional venue layout. */
@Schema(name = "CreateEvent")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreateEventRequest(
        @Schema(examples = "Summer Concert", maxLength = Event.MAX_TEXT_LENGTH)
        @NotBlank(message = "is required and must not be blank")
        @Size(max = Event.MAX_TEXT_LENGTH, message = "must be at most {max} characters")
        String name,

        @Schema(description = "When the event starts: \"2027-06-15 19:00\" or ISO-8601, with or without an"
                + " offset (without one, UTC). Must lie in the future.", examples = "2027-06-15 19:00")
        @NotBlank(message = "is required")
        String dateTime,

        @Schema(examples = "Central Park", maxLength = Event.MAX_TEXT_LENGTH)
        @NotBlank(message = "is required and must not be blank")
        @Size(max = Event.MAX_TEXT_LENGTH, message = "must be at most {max} characters")
        String venue,

        @Schema(description = "Seats are numbered 1..total_seats; at most boxoffice.max-seats-per-event."
                + " Required without a layout; with one, it may be left out (it is the layout's seat count).",
                examples = "500", minimum = "1")
        @Positive(message = "must be a whole number of at least 1")
        Integer totalSeats,

        @Schema(description = "The venue's sections and rows, instead of or beside total_seats (they must agree)")
        VenueLayout layout,

        @Schema(description = "What seats cost; without it the event is free")
        SaleTerms.PricingBody pricing,

        @Schema(description = "What a cancellation refunds, by how long before the start it comes; default: 100%"
                + " until the event starts")
        List<SaleTerms.TierBody> refundPolicy) {

    /** What the organizer asks for, as the domain checks it. */
    Event.Plan plan() {
        return new Event.Plan(name, venue, DateTimes.parse("date_time", dateTime), totalSeats,
                layout == null ? null : layout.toDomain(), pricing == null ? null : pricing.toPlan(),
                SaleTerms.tiers(refundPolicy));
    }
}
