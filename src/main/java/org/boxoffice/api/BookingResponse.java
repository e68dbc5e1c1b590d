package org.boxoffice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.boxoffice.domain.Booking;
import org.boxoffice.domain.Layout;
import org.boxoffice.domain.Refund;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A booking as clients see it; {@code booking_id} and {@code status} as in the seed. */
@Schema(name = "Booking")
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BookingResponse(@Schema(required = true) UUID bookingId,
        @Schema(description = "confirmed (while any seat is live) or cancelled", examples = "confirmed",
                required = true) String status,
        @Schema(required = true) UUID eventId, @Schema(required = true) int[] seats,
        @Schema(required = true) Instant createdAt,
        @Schema(description = "The hold it was confirmed from, when it was") UUID holdId,
        @Schema(description = "When its last seats were cancelled, once they are") Instant cancelledAt,
        @Schema(description = "Each seat's section, row, number and price; absent for an event without a layout")
        List<Places.Place> places,
        @Schema(description = "What all its seats cost, fixed when it (or its hold) was made; absent for a free event")
        MoneyResponse total,
        @Schema(description = "What the integrator recorded as paying for it") String paymentReference,
        @Schema(description = "Seats cancelled so far, when any are") int[] cancelledSeats,
        @Schema(description = "Every refund made, oldest first, when any was") List<RefundResponse> refunds,
        @Schema(description = "In the answer to a cancellation: the refund it made (or made before, when repeated)")
        RefundResponse refund) {

    /** One cancellation's refund. */
    @Schema(name = "Refund")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record RefundResponse(@Schema(description = "The seats it cancelled", required = true) int[] seats,
            @Schema(description = "What it gave back") long amount,
            @Schema(description = "null for a free event") String currency,
            @Schema(description = "The share of the seats' price given back, by the refund policy (100 when the"
                    + " event was cancelled)", examples = "50") int percent,
            @Schema(description = "When", required = true) Instant at) {

        static RefundResponse of(Refund refund) {
            return new RefundResponse(refund.seats().seats(), refund.amount().amount(), refund.amount().currency(),
                    refund.percent(), refund.at());
        }
    }

    static BookingResponse of(Booking booking, Places places) {
        return of(booking, places.layout(booking.eventId()), null);
    }

    /** The answer to a cancellation: the booking as it now stands, and the refund. */
    static BookingResponse of(Booking.Cancellation cancellation, Places places) {
        return of(cancellation.booking(), places.layout(cancellation.booking().eventId()), cancellation.refund());
    }

    /**
     * @param layout its event's layout, or null
     * @param refund the refund a cancellation made, or null
     */
    static BookingResponse of(Booking booking, Layout layout, Refund refund) {
        int[] cancelled = booking.cancelledSeats();
        return new BookingResponse(booking.id().value(), booking.status().wireName(), booking.eventId().value(),
                booking.seats().seats(), booking.createdAt(),
                booking.holdId() == null ? null : booking.holdId().value(), booking.cancelledAt(),
                Places.of(layout, booking.seats(), booking.prices()),
                booking.prices().isFree() ? null : MoneyResponse.of(booking.total()), booking.paymentReference(),
                cancelled.length == 0 ? null : cancelled,
                booking.refunds().isEmpty() ? null : booking.refunds().stream().map(RefundResponse::of).toList(),
                refund == null ? null : RefundResponse.of(refund));
    }
}
