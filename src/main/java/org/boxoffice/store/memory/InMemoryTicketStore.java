package org.boxoffice.store.memory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;
import org.boxoffice.domain.Booking;
import org.boxoffice.domain.BookingId;
import org.boxoffice.domain.Cursor;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.EventFilter;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Hold;
import org.boxoffice.domain.HoldId;
import org.boxoffice.domain.HoldRequest;
import org.boxoffice.domain.Notices;
import org.boxoffice.domain.Notification;
import org.boxoffice.domain.Page;
import org.boxoffice.domain.PageRequest;
import org.boxoffice.domain.SalesReport;
import org.boxoffice.domain.SeatCounts;
import org.boxoffice.domain.SeatMap;
import org.boxoffice.domain.SeatPlan;
import org.boxoffice.domain.SeatRange;
import org.boxoffice.domain.SeatSelection;
import org.boxoffice.domain.TicketStore;
import org.boxoffice.domain.UnknownIdException;

/**
 * Keeps everything in this process's memory: fast, and gone when the process ends. Each event has its
 * own lock (its {@link EventEntry}), so requests for different events never wait for one another.
 * Whatever changes an event's seats, and the hold or booking records that go with them, changes under
 * that event's lock, so no reader sees seats taken without the record that took them. Chosen by
 * {@code boxoffice.store=memory} (see {@link org.boxoffice.store.StoreSelection}).
 */
@ApplicationScoped
@Typed(InMemoryTicketStore.class)
public class InMemoryTicketStore implements TicketStore {

    private final ConcurrentMap<EventId, EventEntry> events = new ConcurrentHashMap<>();
    private final NavigableMap<Cursor, Event> eventsByDate = new ConcurrentSkipListMap<>();
    /**
     * Every booking, as its own key, in id order: found by a probe with its id (see {@link StoredBooking}).
     * Ordered rather than hashed because ids are time-ordered: a new booking goes in at the end, where a
     * hash table would write to a random slot of a table as large as all bookings, and the collector
     * rescans every such slot written since its last young collection: longer pauses as bookings grow.
     */
    private final ConcurrentNavigableMap<StoredBooking, StoredBooking> bookings =
            new ConcurrentSkipListMap<>(StoredBooking.ID_ORDER);
    private final NavigableSet<StoredBooking> bookingsByCreation =
            new ConcurrentSkipListSet<>(StoredBooking.CREATION_ORDER);
    /** One copy of each customer's name, however many bookings it has. */
    private final ConcurrentMap<String, String> customers = new ConcurrentHashMap<>();
    private final ConcurrentMap<HoldId, Hold> holds = new ConcurrentHashMap<>();
    private final Notices notices;
    private final InMemoryOutbox outbox;

    public InMemoryTicketStore(Notices.Payloads payloads, InMemoryOutbox outbox) {
        this.notices = new Notices(payloads);
        this.outbox = outbox;
    }

    /** Never waits: everything is in this process's memory. */
    @Override
    public boolean blocking() {
        return false;
    }

    @Override
    public void addEvent(Event event) {
        EventEntry entry = new EventEntry(event);
        synchronized (entry) {
            if (events.putIfAbsent(event.id(), entry) != null) {
                throw new IllegalStateException("event " + event.id() + " exists already");
            }
            eventsByDate.put(Cursor.of(event), event);
            notify(entry, notices.eventCreated(event));
        }
    }

    @Override
    public Optional<Event> findEvent(EventId id) {
        return entry(id).map(entry -> {
            synchronized (entry) {
                return entry.event;
            }
        });
    }

    @Override
    public Page<Event> listEvents(EventFilter filter, PageRequest page) {
        Map<Cursor, Event> after = page.after().map(c -> eventsByDate.tailMap(c, false)).orElse(eventsByDate);
        return page(after.values(), page, event -> filter.matches(event) ? event : null, Cursor::of);
    }

    @Override
    public void addBooking(Booking booking) {
        EventEntry entry = existing(booking.eventId());
        synchronized (entry) {
            entry.event.checkOnSale();
            entry.seats.book(booking.seats(), booking.createdAt());
            putBooking(booking, entry);
            notify(entry, notices.bookingConfirmed(entry.event, booking));
        }
    }

    @Override
    public Optional<Booking> findBooking(BookingId id) {
        return Optional.ofNullable(bookings.get(StoredBooking.probe(id))).map(StoredBooking::toBooking);
    }

    @Override
    public Page<Booking> listBookings(PageRequest page, Optional<String> customer) {
        NavigableSet<StoredBooking> after = page.after()
                .map(c -> bookingsByCreation.tailSet(StoredBooking.probe(c), false)).orElse(bookingsByCreation);
        return page(after, page, stored -> customer.map(c -> c.equals(stored.customer())).orElse(true)
                ? stored.toBooking() : null, Cursor::of);
    }

    @Override
    public Booking.Cancellation cancelBooking(BookingId id, Optional<SeatSelection> seats, Instant now) {
        StoredBooking stored = bookings.get(StoredBooking.probe(id));
        if (stored == null) {
            throw UnknownIdException.booking(id);
        }
        EventEntry entry = existing(stored.eventId());
        synchronized (entry) {
            Booking booking = stored.toBooking();
            Booking.Cancellation cancellation = booking.cancel(seats, entry.event.refundPercentAt(now), now);
            apply(entry, stored, booking, cancellation, now);
            return cancellation;
        }
    }

    @Override
    public Event cancelEvent(EventId id, Instant now) {
        EventEntry entry = existing(id);
        synchronized (entry) {
            if (entry.event.isCancelled()) {
                return entry.event;
            }
            entry.event = entry.event.cancelled(now);
            eventsByDate.put(Cursor.of(entry.event), entry.event);
            notify(entry, notices.eventCancelled(entry.event));
            Instant at = entry.seats.timeAt(now);
            for (HoldId holdId : entry.holds) {
                Hold hold = holds.get(holdId);
                if (hold.isLiveAt(at)) {
                    checkLive(entry.seats.release(holdId, at), holdId);
                    Hold released = hold.releasedAt(at);
                    holds.put(holdId, released);
                    notify(entry, notices.holdReleased(entry.event, released, at));
                }
            }
            for (StoredBooking stored : entry.bookings) {
                Booking booking = stored.toBooking();
                if (!booking.isCancelled()) {
                    apply(entry, stored, booking, booking.cancel(Optional.empty(), 100, now), now);
                }
            }
            return entry.event;
        }
    }

    @Override
    public Optional<SalesReport> salesReport(EventId id, Instant now) {
        return entry(id).map(entry -> {
            synchronized (entry) {
                return entry.seats.salesReport(entry.event,
                        entry.bookings.stream().map(StoredBooking::toBooking).toList(), now);
            }
        });
    }

    /**
     * Frees the seats a cancellation cancelled, if it cancelled any (not a repeated one), keeps it, and
     * writes its notification.
     */
    private void apply(EventEntry entry, StoredBooking stored, Booking before, Booking.Cancellation cancellation,
            Instant now) {
        if (cancellation.booking() != before) {
            entry.seats.cancel(cancellation.refund().seats(), now);
            stored.update(cancellation.booking());
            notify(entry, notices.bookingCancelled(entry.event, cancellation));
        }
    }

    /**
     * Call under the entry's lock, with the change it tells of. The outbox keeps it until it is handed
     * out; nothing here keeps it longer (an event's every notification would cost far more memory than
     * its bookings).
     */
    private void notify(EventEntry entry, Notification notification) {
        outbox.add(notification);
    }

    @Override
    public List<Notification> notifications(EventId id) {
        return outbox.waiting(id);
    }

    @Override
    public Hold placeHold(HoldRequest request, Instant now) {
        EventEntry entry = existing(request.event().id());
        synchronized (entry) {
            entry.event.checkOnSale();
            SeatMap seats = entry.seats;
            Instant at = seats.timeAt(now);
            Hold hold = request.place(seats.heldBy(request.customer(), at),
                    (quantity, scope) -> seats.bestAvailable(quantity, scope, at), at);
            seats.hold(hold);
            if (holds.putIfAbsent(hold.id(), hold) != null) {
                throw new IllegalStateException("hold " + hold.id() + " exists already");
            }
            entry.holds.add(hold.id());
            notify(entry, notices.holdPlaced(entry.event, hold));
            return hold;
        }
    }

    @Override
    public Optional<Hold> findHold(HoldId id) {
        return Optional.ofNullable(holds.get(id));
    }

    @Override
    public Hold releaseHold(HoldId id, Instant now) {
        EventEntry entry = existing(existingHold(id).eventId());
        synchronized (entry) {
            Instant at = entry.seats.timeAt(now);
            Hold hold = holds.get(id);
            Hold released = hold.releasedAt(at);
            if (released != hold) {
                checkLive(entry.seats.release(id, at), id);
                holds.put(id, released);
                notify(entry, notices.holdReleased(entry.event, released, at));
            }
            return released;
        }
    }

    @Override
    public Booking confirmHold(HoldId id, BookingId bookingId, String paymentReference, Instant now) {
        EventEntry entry = existing(existingHold(id).eventId());
        synchronized (entry) {
            entry.event.checkOnSale();
            Instant at = entry.seats.timeAt(now);
            Hold hold = holds.get(id);
            Booking booking = Booking.fromHold(bookingId, hold, at, paymentReference);
            checkLive(entry.seats.confirm(id, at), id);
            holds.put(id, hold.confirmedAs(bookingId));
            putBooking(booking, entry);
            notify(entry, notices.bookingConfirmed(entry.event, booking));
            return booking;
        }
    }

    @Override
    public Optional<SeatCounts> seatCounts(EventId id, Instant now) {
        return entry(id).map(entry -> {
            synchronized (entry) {
                return entry.seats.counts(now);
            }
        });
    }

    @Override
    public Optional<SeatPlan> seatPlan(EventId id, Instant now) {
        return entry(id).map(entry -> {
            synchronized (entry) {
                return entry.seats.plan(entry.event, now);
            }
        });
    }

    @Override
    public Optional<List<SeatRange>> availableSeats(EventId id, Instant now) {
        return entry(id).map(entry -> {
            synchronized (entry) {
                return entry.seats.availableRanges(now);
            }
        });
    }

    @Override
    public int sweepExpiredHolds(Instant now) {
        int expired = 0;
        for (EventEntry entry : events.values()) {
            synchronized (entry) {
                for (HoldId id : entry.seats.takeExpired(now)) {
                    notify(entry, notices.holdExpired(entry.event, holds.get(id)));
                    expired++;
                }
            }
        }
        return expired;
    }

    private void putBooking(Booking booking, EventEntry entry) {
        StoredBooking stored = StoredBooking.of(booking, entry.event.id(),
                customers.computeIfAbsent(booking.customer(), name -> name));
        if (bookings.putIfAbsent(stored, stored) != null) {
            throw new IllegalStateException("booking " + booking.id() + " exists already");
        }
        bookingsByCreation.add(stored);
        entry.bookings.add(stored);
    }

    /** The seat map and the hold records change together under the event's lock, so they always agree. */
    private static void checkLive(boolean liveInSeatMap, HoldId id) {
        if (!liveInSeatMap) {
            throw new IllegalStateException("hold " + id + " is live but holds no seats");
        }
    }

    private Optional<EventEntry> entry(EventId id) {
        return Optional.ofNullable(events.get(id));
    }

    private EventEntry existing(EventId id) {
        return entry(id).orElseThrow(() -> UnknownIdException.event(id));
    }

    private Hold existingHold(HoldId id) {
        return findHold(id).orElseThrow(() -> UnknownIdException.hold(id));
    }

    /** The page of the items after the cursor that {@code visible} keeps (null: skip). */
    private static <V, T> Page<T> page(Iterable<V> after, PageRequest request, Function<V, T> visible,
            Function<T, Cursor> cursorOf) {
        List<T> fetched = new ArrayList<>(request.limit() + 1);
        for (V value : after) {
            T item = visible.apply(value);
            if (item != null) {
                fetched.add(item);
                if (fetched.size() > request.limit()) {
                    break;
                }
            }
        }
        return Page.of(fetched, request, cursorOf);
    }

    /**
     * An event as it now stands, with its seat map and its holds and bookings; the entry is also the lock
     * for all of them.
     */
    private static final class EventEntry {
        private Event event;
        private final SeatMap seats;
        private final List<HoldId> holds = new ArrayList<>();
        private final List<StoredBooking> bookings = new ArrayList<>();

        EventEntry(Event event) {
            this.event = event;
            this.seats = new SeatMap(event);
        }
    }
}
