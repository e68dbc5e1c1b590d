package org.boxoffice.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /bookings} with explicit seats, as in the seed. */
@Schema(name = "CreateBooking")
public record CreateBookingRequest(
        @Schema(examples = "f1d69c4a-b6c2-49bc-bd12-03979bc14f11")
        @NotNull(message = "is required")
        UUID eventId,

        @Schema(description = "Seat numbers in 1..total_seats, none twice, at most"
                + " boxoffice.max-seats-per-request.", examples = "[1, 2, 3, 4, 5]")
        @NotEmpty(message = "must list at least one seat")
        List<@NotNull(message = "must be a seat number, not null") Integer> seats) {
}
