package org.boxoffice.domain;

import java.util.List;
import java.util.Optional;

/**
 * Where events, seats and bookings are kept. Every implementation must keep DESIGN.md's invariants
 * under any number of concurrent callers: a seat is in at most one booking, counts add up, and a
 * booking claims all its seats or none.
 */
public interface TicketStore {

    void addEvent(Event event);

    Optional<Event> findEvent(EventId id);

    /**
     * Stores the booking and claims its seats in one atomic step.
     *
     * @throws SeatsUnavailableException if any seat is taken; then nothing changes
     * @throws UnknownIdException if the booking's event is not in this store
     */
    void addBooking(Booking booking);

    Optional<Booking> findBooking(BookingId id);

    /** The event's seat counts, consistent with one another at one instant; empty for an unknown event. */
    Optional<SeatCounts> seatCounts(EventId id);

    /** The event's free seats as ascending ranges; empty for an unknown event. */
    Optional<List<SeatRange>> availableSeats(EventId id);
}
