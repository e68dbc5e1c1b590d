package org.boxoffice.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.boxoffice.domain.Booking;
import org.boxoffice.domain.InvalidRequestException;
import org.boxoffice.domain.Violation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /bookings}: explicit seats of an event, as in the seed, or a live hold to
 * confirm. Exactly one of the two forms.
 */
@Schema(name = "CreateBooking", description = "Either {event_id, seats} or {hold_id}")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreateBookingRequest(
        @Schema(examples = "f1d69c4a-b6c2-49bc-bd12-03979bc14f11")
        UUID eventId,

        @Schema(description = "Seat numbers in 1..total_seats, none twice, at most"
                + " boxoffice.max-seats-per-request.", examples = "[1, 2, 3, 4, 5]")
        List<@NotNull(message = "must be a seat number, not null") Integer> seats,

        @Schema(description = "A live hold to confirm into a booking of its seats")
        UUID holdId,

        @Schema(description = "What paid for it, as the integrator records it (free text, at most 200 characters)",
                maxLength = Booking.MAX_PAYMENT_REFERENCE, examples = "pi_3PqRsT")
        String paymentReference) {

    boolean confirmsHold() {
        return holdId != null;
    }

    /** {@link #checkForm()} as the API document states it: hold_id alone, or event_id with seats; what a body must not be. */
    static org.eclipse.microprofile.openapi.models.media.Schema refused() {
        return Forms.refused(List.of(List.of("hold_id"), List.of("event_id", "seats")),
                List.of(List.of("hold_id", "event_id"), List.of("hold_id", "seats")));
    }

    /** Refuses a body that mixes the two forms or lacks what its form needs. */
    void checkForm() {
        List<Violation> violations = new ArrayList<>();
        if (confirmsHold()) {
            if (eventId != null || seats != null) {
                violations.add(new Violation("hold_id", "send either hold_id alone, or event_id with seats"));
            }
        } else {
            if (eventId == null) {
                violations.add(new Violation("event_id", "is required (or send hold_id to confirm a hold)"));
            }
            if (seats == null || seats.isEmpty()) {
                violations.add(new Violation("seats", "must list at least one seat"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }
}
