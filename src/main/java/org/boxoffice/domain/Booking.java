package org.boxoffice.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Seats of one event that belong to one customer.
 *
 * @param holdId the hold it was confirmed from, or {@code null} when booked directly
 * @param cancelledAt when it was cancelled, or {@code null} while confirmed
 * @param customer who booked (the caller's id); only they (or an admin) may see or cancel it
 */
public record Booking(BookingId id, EventId eventId, SeatSelection seats, BookingStatus status, Instant createdAt,
        HoldId holdId, Instant cancelledAt, String customer) {

    public Booking {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(seats, "seats");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(customer, "customer");
        if ((status == BookingStatus.CANCELLED) != (cancelledAt != null)) {
            throw new IllegalArgumentException("a booking has a cancellation time exactly when it is cancelled");
        }
    }

    public static Booking confirmed(BookingId id, EventId eventId, String customer, SeatSelection seats,
            Instant now) {
        return new Booking(id, eventId, seats, BookingStatus.CONFIRMED, now, null, null, customer);
    }

    /**
     * The booking a live hold turns into: the hold's seats, confirmed now.
     *
     * @throws HoldNotActiveException if the hold expired, was released or was confirmed already
     */
    public static Booking fromHold(BookingId id, Hold hold, Instant now) {
        HoldStatus status = hold.statusAt(now);
        if (status != HoldStatus.HELD) {
            throw new HoldNotActiveException(hold.id(), status);
        }
        return new Booking(id, hold.eventId(), hold.seats(), BookingStatus.CONFIRMED, now, hold.id(), null,
                hold.customer());
    }

    public boolean isCancelled() {
        return status == BookingStatus.CANCELLED;
    }

    /** This booking cancelled at {@code now}; a cancelled booking stays as it is. */
    public Booking cancelledAt(Instant now) {
        return isCancelled() ? this
                : new Booking(id, eventId, seats, BookingStatus.CANCELLED, createdAt, holdId, now, customer);
    }
}
