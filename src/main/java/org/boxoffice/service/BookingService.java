package org.boxoffice.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.boxoffice.domain.Booking;
import org.boxoffice.domain.BookingId;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.HoldId;
import org.boxoffice.domain.Page;
import org.boxoffice.domain.PageRequest;
import org.boxoffice.domain.SeatSelection;
import org.boxoffice.domain.TicketStore;
import org.boxoffice.domain.UnknownIdException;

/** Use cases of bookings: book named seats, confirm a hold, cancel, read and list. */
@ApplicationScoped
public class BookingService {

    private final TicketStore store;
    private final Clock clock;
    private final BoxOfficeConfig config;

    public BookingService(TicketStore store, Clock clock, BoxOfficeConfig config) {
        this.store = store;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Books every requested seat or none.
     *
     * @throws UnknownIdException if the event does not exist
     * @throws org.boxoffice.domain.InvalidRequestException if the seats break a rule; nothing changes
     * @throws org.boxoffice.domain.SeatsUnavailableException if any seat is taken; nothing changes
     */
    public Booking book(EventId eventId, List<Integer> seats) {
        Event event = store.findEvent(eventId).orElseThrow(() -> UnknownIdException.event(eventId));
        SeatSelection selection = SeatSelection.of(seats, event.totalSeats(), config.limits());
        Booking booking = Booking.confirmed(BookingId.random(), eventId, selection, clock.instant());
        store.addBooking(booking);
        return booking;
    }

    /**
     * Turns a live hold into a booking of its seats.
     *
     * @throws org.boxoffice.domain.HoldNotActiveException if it expired, was released or was confirmed
     */
    public Booking confirm(HoldId holdId) {
        return store.confirmHold(holdId, BookingId.random(), clock.instant());
    }

    /** Cancels the booking and frees its seats; cancelling twice is harmless. */
    public Booking cancel(BookingId id) {
        return store.cancelBooking(id, clock.instant());
    }

    public Optional<Booking> find(BookingId id) {
        return store.findBooking(id);
    }

    public Page<Booking> list(PageRequest page) {
        return store.listBookings(page);
    }
}
