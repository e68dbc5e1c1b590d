package org.boxoffice.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.boxoffice.domain.Event;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /events}, as in the seed. */
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

        @Schema(description = "Seats are numbered 1..total_seats; at most boxoffice.max-seats-per-event.",
                examples = "500", minimum = "1")
        @NotNull(message = "is required")
        @Positive(message = "must be a whole number of at least 1")
        Integer totalSeats) {
}
