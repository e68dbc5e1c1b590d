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
import org.boxoffice.security.Caller;
import org.boxoffice.security.Role;

/** Use cases of bookings: book named seats, confirm a hold, cancel, read and list. */
@ApplicationScoped
public class BookingService {

    private final TicketStore store;
    private final Clock clock;
    private final BoxOfficeConfig config;
    private final TicketMetrics metrics;

    public BookingService(TicketStore store, Clock clock, BoxOfficeConfig config, TicketMetrics metrics) {
        this.store = store;
        this.clock = clock;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Books every requested seat or none.
     *
     * @throws UnknownIdException if the event does not exist
     * @throws org.boxoffice.domain.InvalidRequestException if the seats break a rule; nothing changes
     * @throws org.boxoffice.domain.SeatsUnavailableException if any seat is taken; nothing changes
     */
    public Booking book(Caller caller, EventId eventId, List<Integer> seats) {
        return book(caller, eventId, seats, null);
    }

    /**
     * Books every requested seat or none, at the event's prices now.
     *
     * @param paymentReference what paid for it, or null
     * @throws org.boxoffice.domain.EventCancelledException if the event was cancelled; nothing changes
     */
    public Booking book(Caller caller, EventId eventId, List<Integer> seats, String paymentReference) {
        return metrics.count("bookings", "booked", () -> {
            caller.requireAny(Role.CUSTOMER);
            Event event = store.findEvent(eventId).orElseThrow(() -> UnknownIdException.event(eventId));
            SeatSelection selection = SeatSelection.of(seats, event.totalSeats(), config.limits());
            Booking priced = Booking.confirmed(BookingId.random(), event, caller.id(), selection, clock.instant());
            Booking booking = new Booking(priced.id(), priced.eventId(), priced.seats(), priced.status(),
                    priced.createdAt(), null, null, priced.customer(), priced.prices(), List.of(),
                    Booking.checkPaymentReference(paymentReference));
            event.checkOnSale();
            store.addBooking(booking, config.perCaller(config.maxSeatsPerCustomer()));
            return booking;
        });
    }

    /**
     * Turns a live hold into a booking of its seats.
     *
     * @throws org.boxoffice.domain.HoldNotActiveException if it expired, was released or was confirmed
     */
    public Booking confirm(Caller caller, HoldId holdId, String paymentReference) {
        return metrics.count("confirms", "confirmed", () -> {
            caller.requireAny(Role.CUSTOMER);
            String reference = Booking.checkPaymentReference(paymentReference);
            store.findHold(holdId).filter(hold -> hold.customer().equals(caller.id()))
                    .orElseThrow(() -> UnknownIdException.hold(holdId));
            return store.confirmHold(holdId, BookingId.random(), reference, clock.instant());
        });
    }

    /**
     * Cancels some seats of the caller's booking (an admin: anyone's), or all that are live, freeing them
     * and refunding them by the event's policy now. Cancelling the same again answers the same refund.
     *
     * @param seats the seats to cancel, or empty for all
     */
    public Booking.Cancellation cancel(Caller caller, BookingId id, Optional<List<Integer>> seats) {
        return metrics.count("cancellations", "cancelled", () -> {
            Booking booking = find(caller, id).orElseThrow(() -> UnknownIdException.booking(id));
            Event event = store.findEvent(booking.eventId()).orElseThrow();
            Optional<SeatSelection> which = seats.map(list -> SeatSelection.of(list, event.totalSeats(),
                    config.limits()));
            return store.cancelBooking(id, which, clock.instant());
        });
    }

    /** The booking, if the caller may see it: someone else's booking is as unknown as a missing one. */
    public Optional<Booking> find(Caller caller, BookingId id) {
        return store.findBooking(id).filter(booking -> caller.maySee(booking.customer()));
    }

    /** The caller's own bookings; an admin's listing shows everyone's. */
    public Page<Booking> list(Caller caller, PageRequest page) {
        return store.listBookings(page, caller.has(Role.ADMIN) ? Optional.empty() : Optional.of(caller.id()));
    }
}
