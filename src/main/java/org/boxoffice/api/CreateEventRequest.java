package org.boxoffice.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.Layout;
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
        VenueLayout layout) {

    /** The layout's sections as the domain checks them, or null without a layout. */
    List<Layout.Section> sections() {
        return layout == null ? null : layout.toDomain();
    }
}
