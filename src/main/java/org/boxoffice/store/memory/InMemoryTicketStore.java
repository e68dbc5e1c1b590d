package org.boxoffice.store.memory;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.boxoffice.domain.Booking;
import org.boxoffice.domain.BookingId;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.SeatCounts;
import org.boxoffice.domain.SeatMap;
import org.boxoffice.domain.SeatRange;
import org.boxoffice.domain.TicketStore;
import org.boxoffice.domain.UnknownIdException;

/**
 * Keeps everything in this process's memory: fast, and gone when the process ends. Each event has its
 * own lock (its {@link EventEntry}), so bookings for different events never wait for one another.
 */
@ApplicationScoped
public class InMemoryTicketStore implements TicketStore {

    private final ConcurrentMap<EventId, EventEntry> events = new ConcurrentHashMap<>();
    private final ConcurrentMap<BookingId, Booking> bookings = new ConcurrentHashMap<>();

    @Override
    public void addEvent(Event event) {
        if (events.putIfAbsent(event.id(), new EventEntry(event)) != null) {
            throw new IllegalStateException("event " + event.id() + " exists already");
        }
    }

    @Override
    public Optional<Event> findEvent(EventId id) {
        return entry(id).map(EventEntry::event);
    }

    @Override
    public void addBooking(Booking booking) {
        EventEntry entry = entry(booking.eventId()).orElseThrow(() -> UnknownIdException.event(booking.eventId()));
        if (bookings.containsKey(booking.id())) {
            throw new IllegalStateException("booking " + booking.id() + " exists already");
        }
        synchronized (entry) {
            entry.seats().book(booking.seats());
            // Published inside the lock: nobody can see the seats taken without also finding the booking.
            bookings.put(booking.id(), booking);
        }
    }

    @Override
    public Optional<Booking> findBooking(BookingId id) {
        return Optional.ofNullable(bookings.get(id));
    }

    @Override
    public Optional<SeatCounts> seatCounts(EventId id) {
        return entry(id).map(entry -> {
            synchronized (entry) {
                return entry.seats().counts();
            }
        });
    }

    @Override
    public Optional<List<SeatRange>> availableSeats(EventId id) {
        return entry(id).map(entry -> {
            synchronized (entry) {
                return entry.seats().availableRanges();
            }
        });
    }

    private Optional<EventEntry> entry(EventId id) {
        return Optional.ofNullable(events.get(id));
    }

    /** An event with its seat map; the entry is also the lock for that event's seats. */
    private record EventEntry(Event event, SeatMap seats) {

        EventEntry(Event event) {
            this(event, new SeatMap(event.totalSeats()));
        }
    }
}
