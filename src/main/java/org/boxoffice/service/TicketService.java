package org.boxoffice.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.boxoffice.domain.Booking;
import org.boxoffice.domain.BookingId;
import org.boxoffice.domain.CheckIn;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.InvalidTicketException;
import org.boxoffice.domain.Ticket;
import org.boxoffice.domain.TicketCodes;
import org.boxoffice.domain.TicketId;
import org.boxoffice.domain.TicketStore;
import org.boxoffice.domain.UnknownIdException;
import org.boxoffice.security.Caller;

/**
 * Use cases of tickets: a booking's tickets with their signed codes, the keys that verify them, and the
 * check-in at the door.
 */
@ApplicationScoped
public class TicketService {

    private final TicketStore store;
    private final TicketCodes codes;
    private final Clock clock;
    private final TicketMetrics metrics;

    public TicketService(TicketStore store, TicketCodes codes, Clock clock, TicketMetrics metrics) {
        this.store = store;
        this.codes = codes;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** A ticket and the code that admits it. */
    public record Issued(Ticket ticket, String code) {
    }

    /** The tickets of the booking's live seats, if the caller may see the booking. */
    public Optional<List<Issued>> tickets(Caller caller, BookingId id) {
        return booking(caller, id).map(booking -> Ticket.of(booking).stream()
                .map(ticket -> new Issued(ticket, codes.sign(ticket))).toList());
    }

    /** One ticket of the booking, if the caller may see the booking and the seat is live. */
    public Optional<Issued> ticket(Caller caller, BookingId bookingId, TicketId ticketId) {
        return tickets(caller, bookingId).flatMap(issued -> issued.stream()
                .filter(one -> one.ticket().id().equals(ticketId)).findFirst());
    }

    /** The public keys ticket codes verify with. */
    public List<TicketCodes.VerificationKey> keys() {
        return codes.keys();
    }

    /**
     * Scans a code at the event's door. The event's organizer, admins and scanners only.
     *
     * @throws InvalidTicketException if the code is not a ticket of this event signed by this service
     * @throws org.boxoffice.domain.AlreadyCheckedInException on an entry while the ticket is inside
     * @throws org.boxoffice.domain.TicketCancelledException if its seat was cancelled
     */
    public CheckIn checkIn(Caller caller, EventId eventId, String code, CheckIn.Direction direction, String gate) {
        return metrics.count("checkins", direction == CheckIn.Direction.ENTRY ? "checked_in" : "checked_out", () -> {
            Event event = store.findEvent(eventId).orElseThrow(() -> UnknownIdException.event(eventId));
            caller.requireDoorOf(event.organizer());
            String door = CheckIn.checkGate(gate);
            Ticket ticket = codes.verify(code).filter(Ticket::isConsistent).orElseThrow(() -> new InvalidTicketException(
                    "The code is not a ticket signed by this service: forged, altered or incomplete."));
            if (!ticket.eventId().equals(eventId)) {
                throw new InvalidTicketException("The ticket is for another event.");
            }
            try {
                return store.checkIn(ticket, direction, door, clock.instant());
            } catch (UnknownIdException noSuchBooking) {
                throw new InvalidTicketException("The ticket's booking is not known here.");
            }
        });
    }

    private Optional<Booking> booking(Caller caller, BookingId id) {
        return store.findBooking(id).filter(booking -> caller.maySee(booking.customer()));
    }
}
