package org.boxoffice.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Seats of one event set aside for a customer until {@code expiresAt}: nobody else can hold or book
 * them meanwhile, and the customer can confirm them into a booking. Once the clock reaches
 * {@code expiresAt}, an unconfirmed hold is expired and its seats are free, whether or not anything
 * has run since.
 *
 * @param bookingId the booking it was confirmed into, or {@code null}
 * @param customer who placed it (the caller's id); only they (or an admin) may see or use it
 * @param prices what each seat costs, fixed when the hold was placed; its booking pays the same
 */
public record Hold(HoldId id, EventId eventId, SeatSelection seats, Instant createdAt, Instant expiresAt,
        HoldStatus status, BookingId bookingId, String customer, SeatPrices prices) {

    public Hold {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(seats, "seats");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(prices, "prices");
        if (prices.size() != seats.size()) {
            throw new IllegalArgumentException("a hold has a price per seat");
        }
        if (status == HoldStatus.EXPIRED) {
            throw new IllegalArgumentException("expiry is a matter of time, not a stored status");
        }
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a hold must expire after it is placed");
        }
        if ((status == HoldStatus.CONFIRMED) != (bookingId != null)) {
            throw new IllegalArgumentException("a hold has a booking exactly when it is confirmed");
        }
    }

    /** A hold of these seats of the event at its prices now, placed {@code now}. */
    public static Hold placed(HoldId id, Event event, String customer, SeatSelection seats, Instant now,
            Instant expiresAt) {
        return new Hold(id, event.id(), seats, now, expiresAt, HoldStatus.HELD, null, customer,
                SeatPrices.of(event, seats));
    }

    /** The status at {@code now}: a held hold whose time has come is expired. */
    public HoldStatus statusAt(Instant now) {
        return status == HoldStatus.HELD && !now.isBefore(expiresAt) ? HoldStatus.EXPIRED : status;
    }

    public boolean isLiveAt(Instant now) {
        return statusAt(now) == HoldStatus.HELD;
    }

    /**
     * This hold released at {@code now}: a live hold's seats go back; one that expired or was released
     * already stays as it is (this same object), so releasing twice is harmless.
     *
     * @throws HoldNotActiveException if it was confirmed: cancel the booking instead
     */
    public Hold releasedAt(Instant now) {
        HoldStatus current = statusAt(now);
        if (current == HoldStatus.CONFIRMED) {
            throw new HoldNotActiveException(id, current);
        }
        return current == HoldStatus.HELD
                ? new Hold(id, eventId, seats, createdAt, expiresAt, HoldStatus.RELEASED, null, customer, prices)
                : this;
    }

    public Hold confirmedAs(BookingId booking) {
        return new Hold(id, eventId, seats, createdAt, expiresAt, HoldStatus.CONFIRMED, booking, customer, prices);
    }
}
