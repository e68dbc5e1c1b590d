package org.boxoffice.store.memory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
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
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.boxoffice.domain.Booking;
import org.boxoffice.domain.BookingId;
import org.boxoffice.domain.CheckIn;
import org.boxoffice.domain.Cursor;
import org.boxoffice.domain.EntryId;
import org.boxoffice.domain.EntryStatus;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.EventCancellation;
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
import org.boxoffice.domain.SeatScope;
import org.boxoffice.domain.SeatSelection;
import org.boxoffice.domain.Ticket;
import org.boxoffice.domain.TicketCancelledException;
import org.boxoffice.domain.TicketId;
import org.boxoffice.domain.TicketStore;
import org.boxoffice.domain.UnknownIdException;
import org.boxoffice.domain.WaitingList;
import org.boxoffice.domain.WaitlistEntry;

/**
 * Keeps everything in this process's memory: fast, and gone when the process ends. Each event has its
 * own lock (its {@link EventEntry}), so requests for different events never wait for one another.
 * Whatever changes an event's seats, and the hold or booking records that go with them, changes under
 * that event's lock, so no reader sees seats taken without the record that took them; so do its waiting
 * list and its tickets' check-ins, so an offer's hold, its entry and its notification change together, and
 * a ticket is checked in once per entry. Chosen by
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
    /** One lock per organizer, for the count of their events. */
    private final ConcurrentMap<String, Object> organizers = new ConcurrentHashMap<>();
    private final ConcurrentMap<HoldId, Hold> holds = new ConcurrentHashMap<>();
    /** Every waiting-list entry as it now stands (with a placeholder position), changed under its event's lock. */
    private final ConcurrentMap<EntryId, WaitlistEntry> entries = new ConcurrentHashMap<>();
    private final Notices notices;
    private final InMemoryOutbox outbox;
    private final WaitingList waitingList;

    public InMemoryTicketStore(Notices.Payloads payloads, InMemoryOutbox outbox, WaitingList waitingList) {
        this.notices = new Notices(payloads);
        this.outbox = outbox;
        this.waitingList = waitingList;
    }

    @Override
    public void addEvent(Event event, int maxPerOrganizer) {
        if (maxPerOrganizer == Integer.MAX_VALUE) {
            keep(event);
            return;
        }
        // One organizer's additions take turns, so two cannot both pass the count.
        synchronized (organizers.computeIfAbsent(event.organizer(), name -> new Object())) {
            long upcoming = eventsByDate.tailMap(new Cursor(event.createdAt(), new UUID(-1L, -1L)), false)
                    .values().stream().filter(e -> e.organizer().equals(event.organizer()) && !e.isCancelled())
                    .count();
            TicketStore.checkEventQuota(maxPerOrganizer, upcoming);
            keep(event);
        }
    }

    private void keep(Event event) {
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
    public void addBooking(Booking booking, int maxSeatsPerCustomer) {
        EventEntry entry = existing(booking.eventId());
        synchronized (entry) {
            entry.event.checkOnSale();
            if (maxSeatsPerCustomer != Integer.MAX_VALUE) {
                HoldRequest.customerSeats(maxSeatsPerCustomer, (long) entry.seats.heldBy(booking.customer(),
                        entry.seats.timeAt(booking.createdAt())) + entry.bookedBy(booking.customer()),
                        booking.seats().size());
            }
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
            Booking.Cancellation cancellation = entry.event.cancelBooking(booking, seats, now);
            if (cancellation.booking() != booking) {
                keep(entry, stored, cancellation, now);
                notify(entry, notices.bookingCancelled(entry.event, cancellation));
                offer(entry, entry.seats.timeAt(now));
            }
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
            Instant at = entry.seats.timeAt(now);
            EventCancellation cancellation = entry.event.cancel(at, entry.holds.stream().map(holds::get).toList(),
                    entry.bookings.stream().map(StoredBooking::toBooking).toList(),
                    entry.waitlist.values().stream().map(entries::get).toList());
            entry.event = cancellation.event();
            eventsByDate.put(Cursor.of(entry.event), entry.event);
            for (Hold released : cancellation.released()) {
                checkLive(entry.seats.release(released.id(), at), released.id());
                holds.put(released.id(), released);
            }
            for (Booking.Cancellation refunded : cancellation.refunded()) {
                keep(entry, bookings.get(StoredBooking.probe(refunded.booking().id())), refunded, at);
            }
            cancellation.withdrawn().forEach(withdrawn -> entries.put(withdrawn.id(), withdrawn));
            entry.offers.clear();
            cancellation.notifications(notices).forEach(notification -> notify(entry, notification));
            return entry.event;
        }
    }

    @Override
    public Optional<SalesReport> salesReport(EventId id, Instant now) {
        return entry(id).map(entry -> {
            synchronized (entry) {
                BitSet inside = new BitSet(entry.event.totalSeats() + 1);
                entry.checkIns.values().stream().filter(CheckIn::isInside).forEach(in -> inside.set(in.ticket().seat()));
                return entry.seats.salesReport(entry.event,
                        entry.bookings.stream().map(StoredBooking::toBooking).toList(), inside, now);
            }
        });
    }

    /** Call under the entry's lock: frees the seats a new cancellation cancelled and keeps the booking as it left it. */
    private void keep(EventEntry entry, StoredBooking stored, Booking.Cancellation cancellation, Instant now) {
        entry.seats.cancel(cancellation.refund().seats(), now);
        entry.booked.merge(stored.customer(), -cancellation.refund().seats().size(), Integer::sum);
        stored.update(cancellation.booking());
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
    public Hold placeHold(HoldRequest request, Instant now) {
        EventEntry entry = existing(request.event().id());
        synchronized (entry) {
            entry.event.checkOnSale();
            SeatMap seats = entry.seats;
            Instant at = seats.timeAt(now);
            Hold hold = request.place(seats.heldBy(request.customer(), at), entry.bookedBy(request.customer()),
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
                release(entry, released, at);
                EntryId declined = entry.offers.remove(id);
                if (declined != null) {
                    entries.put(declined, entries.get(declined).leftAt(at));
                }
                offer(entry, at);
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
            EntryId accepted = entry.offers.remove(id);
            if (accepted != null) {
                entries.put(accepted, entries.get(accepted).accepted());
            }
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

    // --- the waiting list ---

    @Override
    public WaitlistEntry joinWaitlist(EntryId id, Event event, String customer, int quantity, int maxQuantity,
            Instant now) {
        EventEntry entry = existing(event.id());
        synchronized (entry) {
            Instant at = entry.seats.timeAt(now);
            WaitingList.checkJoin(entry.event, quantity, maxQuantity, entry.seats.counts(at).availableSeats());
            WaitlistEntry joined = WaitingList.join(id, entry.event, customers.computeIfAbsent(customer, name -> name),
                    quantity, at, 1);
            if (entries.putIfAbsent(id, joined) != null) {
                throw new IllegalStateException("entry " + id + " exists already");
            }
            entry.waitlist.put(Cursor.of(joined), id);
            return positioned(entry, joined);
        }
    }

    @Override
    public Optional<WaitlistEntry> findWaitlistEntry(EntryId id) {
        WaitlistEntry found = entries.get(id);
        if (found == null) {
            return Optional.empty();
        }
        EventEntry entry = existing(found.eventId());
        synchronized (entry) {
            return Optional.of(positioned(entry, entries.get(id)));
        }
    }

    @Override
    public Page<WaitlistEntry> listWaitlist(EventId eventId, PageRequest page) {
        return entry(eventId).map(entry -> {
            synchronized (entry) {
                List<WaitlistEntry> fetched = new ArrayList<>(page.limit() + 1);
                int waiting = 0;
                for (Map.Entry<Cursor, EntryId> listed : entry.waitlist.entrySet()) {
                    WaitlistEntry stored = entries.get(listed.getValue());
                    if (stored.status() == EntryStatus.WAITING) {
                        waiting++;
                    }
                    if (page.after().map(after -> listed.getKey().compareTo(after) > 0).orElse(true)) {
                        fetched.add(stored.status() == EntryStatus.WAITING ? stored.at(waiting) : stored);
                        if (fetched.size() > page.limit()) {
                            break;
                        }
                    }
                }
                return Page.of(fetched, page, Cursor::of);
            }
        }).orElseGet(() -> Page.of(List.of(), page, Cursor::of));
    }

    @Override
    public WaitlistEntry leaveWaitlist(EntryId id, Instant now) {
        WaitlistEntry found = Optional.ofNullable(entries.get(id)).orElseThrow(() -> UnknownIdException.entry(id));
        EventEntry entry = existing(found.eventId());
        synchronized (entry) {
            Instant at = entry.seats.timeAt(now);
            WaitlistEntry current = entries.get(id);
            WaitlistEntry left = current.leftAt(at);
            if (left == current) {
                return positioned(entry, current);
            }
            entries.put(id, left);
            if (current.status() == EntryStatus.OFFERED) {
                entry.offers.remove(current.holdId());
                release(entry, holds.get(current.holdId()).releasedAt(at), at);
                offer(entry, at);
            }
            return left;
        }
    }

    @Override
    public int offerFreedSeats(Instant now) {
        int offered = 0;
        for (EventEntry entry : events.values()) {
            synchronized (entry) {
                if (entry.waitlist.isEmpty()) {
                    continue;
                }
                Instant at = entry.seats.timeAt(now);
                entry.offers.values().removeIf(id -> {
                    WaitlistEntry offer = entries.get(id);
                    if (offer.statusAt(at) != EntryStatus.EXPIRED) {
                        return false;
                    }
                    entries.put(id, offer.expired());
                    return true;
                });
                offered += offer(entry, at);
            }
        }
        return offered;
    }

    /**
     * Call under the entry's lock: offers the seats free at {@code at} to the entries still waiting, placing
     * each offer's hold; how many offers it made.
     */
    private int offer(EventEntry entry, Instant at) {
        List<WaitlistEntry> waiting = new ArrayList<>();
        for (EntryId id : entry.waitlist.values()) {
            WaitlistEntry listed = entries.get(id);
            if (listed.status() == EntryStatus.WAITING) {
                waiting.add(listed);
            }
        }
        if (waiting.isEmpty()) {
            return 0;
        }
        SeatMap seats = entry.seats;
        List<WaitingList.Offer> offers = waitingList.offers(entry.event, waiting, new WaitingList.FreeSeats() {
            @Override
            public int count() {
                return seats.counts(at).availableSeats();
            }

            @Override
            public SeatSelection best(int quantity) {
                return seats.bestAvailable(quantity, SeatScope.ANYWHERE, at);
            }

            @Override
            public void take(Hold hold) {
                seats.hold(hold);
            }
        }, at);
        for (WaitingList.Offer offer : offers) {
            Hold hold = offer.hold();
            holds.put(hold.id(), hold);
            entry.holds.add(hold.id());
            entry.offers.put(hold.id(), offer.entry().id());
            entries.put(offer.entry().id(), offer.entry());
            notify(entry, notices.holdPlaced(entry.event, hold));
            notify(entry, notices.waitlistOffered(entry.event, offer.entry(), at));
        }
        return offers.size();
    }

    /** Call under the entry's lock: frees a live hold's seats and keeps it released. */
    private void release(EventEntry entry, Hold released, Instant at) {
        checkLive(entry.seats.release(released.id(), at), released.id());
        holds.put(released.id(), released);
        notify(entry, notices.holdReleased(entry.event, released, at));
    }

    /** Call under the entry's lock: the entry with its position among the waiting ones (0 if it no longer waits). */
    private WaitlistEntry positioned(EventEntry entry, WaitlistEntry stored) {
        if (stored.status() != EntryStatus.WAITING) {
            return stored;
        }
        int ahead = 0;
        for (EntryId id : entry.waitlist.headMap(Cursor.of(stored), false).values()) {
            if (entries.get(id).status() == EntryStatus.WAITING) {
                ahead++;
            }
        }
        return stored.at(ahead + 1);
    }

    // --- tickets ---

    @Override
    public CheckIn checkIn(Ticket ticket, CheckIn.Direction direction, String gate, Instant now) {
        StoredBooking stored = bookings.get(StoredBooking.probe(ticket.bookingId()));
        if (stored == null || !stored.eventId().equals(ticket.eventId())) {
            throw UnknownIdException.booking(ticket.bookingId());
        }
        EventEntry entry = existing(stored.eventId());
        synchronized (entry) {
            Booking booking = stored.toBooking();
            if (!booking.seats().contains(ticket.seat())) {
                throw UnknownIdException.ticket(ticket.id());
            }
            if (direction == CheckIn.Direction.ENTRY && !booking.isLive(ticket.seat())) {
                throw new TicketCancelledException(ticket.id());
            }
            CheckIn scanned = CheckIn.scan(entry.checkIns.get(ticket.id()), ticket, direction,
                    entry.seats.timeAt(now), gate);
            entry.checkIns.put(ticket.id(), scanned);
            if (scanned.isInside()) {
                notify(entry, notices.ticketCheckedIn(entry.event, scanned));
            }
            return scanned;
        }
    }

    private void putBooking(Booking booking, EventEntry entry) {
        StoredBooking stored = StoredBooking.of(booking, entry.event.id(),
                customers.computeIfAbsent(booking.customer(), name -> name));
        if (bookings.putIfAbsent(stored, stored) != null) {
            throw new IllegalStateException("booking " + booking.id() + " exists already");
        }
        bookingsByCreation.add(stored);
        entry.bookings.add(stored);
        entry.booked.merge(stored.customer(), booking.seats().size(), Integer::sum);
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
        /** The waiting list, in the order it is served. */
        private final NavigableMap<Cursor, EntryId> waitlist = new TreeMap<>();
        /** The live offers: each offer's hold and its entry. */
        private final Map<HoldId, EntryId> offers = new HashMap<>();
        /** Where each ticket that was ever scanned stands. */
        private final Map<TicketId, CheckIn> checkIns = new HashMap<>();
        /** How many seats each customer's bookings hold (not those cancelled). */
        private final Map<String, Integer> booked = new HashMap<>();

        EventEntry(Event event) {
            this.event = event;
            this.seats = new SeatMap(event);
        }

        int bookedBy(String customer) {
            return booked.getOrDefault(customer, 0);
        }
    }
}
