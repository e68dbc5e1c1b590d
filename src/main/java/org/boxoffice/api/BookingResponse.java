package org.boxoffice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.boxoffice.domain.Booking;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A booking as clients see it; {@code booking_id} and {@code status} as in the seed. */
@Schema(name = "Booking")
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BookingResponse(UUID bookingId,
        @Schema(description = "confirmed or cancelled", examples = "confirmed") String status,
        UUID eventId, int[] seats, Instant createdAt,
        @Schema(description = "The hold it was confirmed from, when it was") UUID holdId,
        @Schema(description = "When it was cancelled, once it is") Instant cancelledAt,
        @Schema(description = "Each seat's section, row and number; absent for an event without a layout")
        List<Places.Place> places) {

    static BookingResponse of(Booking booking, Places places) {
        return new BookingResponse(booking.id().value(), booking.status().wireName(), booking.eventId().value(),
                booking.seats().seats(), booking.createdAt(),
                booking.holdId() == null ? null : booking.holdId().value(), booking.cancelledAt(),
                places.of(booking.eventId(), booking.seats()));
    }
}
