package org.boxoffice.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A booked seat as the holder carries it to the door: what its signed code says ({@link TicketCodes}).
 */
public record Ticket(TicketId id, EventId eventId, BookingId bookingId, int seat) {

    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(bookingId, "bookingId");
        if (seat < 1) {
            throw new IllegalArgumentException("seats are numbered from 1");
        }
    }

    /** The ticket of one seat of the booking. */
    public static Ticket of(Booking booking, int seat) {
        return new Ticket(TicketId.of(booking.id(), seat), booking.eventId(), booking.id(), seat);
    }

    /** The tickets of the booking's seats that are not cancelled, by seat. */
    public static List<Ticket> of(Booking booking) {
        return Arrays.stream(booking.liveSeats()).mapToObj(seat -> of(booking, seat)).toList();
    }

    /** Whether the id is the one its booking and seat make: a code whose parts disagree is not ours. */
    public boolean isConsistent() {
        return id.equals(TicketId.of(bookingId, seat));
    }
}
