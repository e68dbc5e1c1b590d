package org.boxoffice.domain;

import java.time.Instant;
import java.util.Objects;

/** Seats of one event that belong to one customer. */
public record Booking(BookingId id, EventId eventId, SeatSelection seats, BookingStatus status, Instant createdAt) {

    public Booking {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(seats, "seats");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static Booking confirmed(BookingId id, EventId eventId, SeatSelection seats, Instant now) {
        return new Booking(id, eventId, seats, BookingStatus.CONFIRMED, now);
    }
}
