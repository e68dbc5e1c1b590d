package org.boxoffice.api;

import java.time.Instant;
import java.util.UUID;
import org.boxoffice.domain.Booking;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A booking as clients see it; {@code booking_id} and {@code status} as in the seed. */
@Schema(name = "Booking")
public record BookingResponse(UUID bookingId, @Schema(examples = "confirmed") String status, UUID eventId,
        int[] seats, Instant createdAt) {

    static BookingResponse of(Booking booking) {
        return new BookingResponse(booking.id().value(), booking.status().wireName(), booking.eventId().value(),
                booking.seats().seats(), booking.createdAt());
    }
}
