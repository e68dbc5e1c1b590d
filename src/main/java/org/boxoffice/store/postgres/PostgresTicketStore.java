package org.boxoffice.store.postgres;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.boxoffice.domain.BestAvailable;
import org.boxoffice.domain.Booking;
import org.boxoffice.domain.BookingId;
import org.boxoffice.domain.AlreadyCheckedInException;
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
import org.boxoffice.domain.HoldNotActiveException;
import org.boxoffice.domain.HoldRequest;
import org.boxoffice.domain.HoldStatus;
import org.boxoffice.domain.NotCheckedInException;
import org.boxoffice.domain.Notices;
import org.boxoffice.domain.Notification;
import org.boxoffice.domain.Page;
import org.boxoffice.domain.PageRequest;
import org.boxoffice.domain.SalesReport;
import org.boxoffice.domain.SeatChoice;
import org.boxoffice.domain.SeatCounts;
import org.boxoffice.domain.SeatPlan;
import org.boxoffice.domain.SeatRange;
import org.boxoffice.domain.SeatScope;
import org.boxoffice.domain.SeatSelection;
import org.boxoffice.domain.SeatsUnavailableException;
import org.boxoffice.domain.Ticket;
import org.boxoffice.domain.TicketCancelledException;
import org.boxoffice.domain.TicketStore;
import org.boxoffice.domain.UnknownIdException;
import org.boxoffice.domain.WaitingList;
import org.boxoffice.domain.WaitlistEntry;

/**
 * Keeps everything in PostgreSQL, so that any number of instances share one truth and a confirmed
 * booking survives any crash. Seats are claimed through {@link SeatClaims}, whose primary key makes
 * double booking impossible in the database itself; rows map to domain objects in {@link Rows};
 * listings page through {@link KeysetPages}; hold expiry is judged by {@link DatabaseTime}. Waiting lists
 * are {@link Waitlists}: an event's offer rounds take turns (an advisory lock) and each places its holds,
 * marks its entries offered and writes their notifications in the transaction that freed the seats (or the
 * sweep's); check-ins are {@link CheckIns}, one conditional write per scan.
 */
// Caffeine picks its classes for the event cache's features by name, reflectively: a native image must hold them.
@RegisterForReflection(classNames = {"com.github.benmanes.caffeine.cache.SSMSW", "com.github.benmanes.caffeine.cache.PSWMS"})
public class PostgresTicketStore implements TicketStore {

    /** How many events an instance keeps read; past that, the least used make way. */
    private static final int CACHED_EVENTS = 10_000;
    private static final Duration EVENT_FRESHNESS = Duration.ofSeconds(1);

    private final Jdbc jdbc;
    private final DatabaseTime time;
    private final SeatClaims claims;
    private final KeysetPages pages;
    private final Notices notices;
    private final WaitingList waitingList;
    private final Cache<EventId, Event> events = Caffeine.newBuilder()
            .maximumSize(CACHED_EVENTS).expireAfterWrite(EVENT_FRESHNESS).build();

    /**
     * @param databaseClock judge hold expiry by the database's clock (in service) rather than by the
     *     instant each caller passes (in tests)
     */
    public PostgresTicketStore(DataSource dataSource, boolean databaseClock, Notices.Payloads payloads,
            WaitingList waitingList) {
        this(dataSource, databaseClock, Optional.empty(), payloads, waitingList);
    }

    /** @param schema checked before any work, when the service does not migrate the schema itself */
    public PostgresTicketStore(DataSource dataSource, boolean databaseClock, Optional<SchemaCheck> schema,
            Notices.Payloads payloads, WaitingList waitingList) {
        this.jdbc = new Jdbc(dataSource, schema);
        this.notices = new Notices(payloads);
        this.waitingList = waitingList;
        this.time = new DatabaseTime(databaseClock);
        this.claims = new SeatClaims(time);
        this.pages = new KeysetPages(jdbc);
    }

    // --- events ---

    @Override
    public void addEvent(Event event, int maxPerOrganizer) {
        jdbc.inTransaction(c -> {
            if (maxPerOrganizer != Integer.MAX_VALUE) {
                Rows.lockOrganizer(c, event.organizer());
                TicketStore.checkEventQuota(maxPerOrganizer, Rows.upcomingEvents(c, event.organizer(),
                        event.createdAt()));
            }
            Rows.insertEvent(c, event);
            Rows.insertNotification(c, notices.eventCreated(event));
            return null;
        });
    }

    /**
     * The event, for work inside a transaction: a fresh cached copy, or read on the transaction's own
     * connection (another one could wait for a pool of one or two forever).
     */
    private Event event(Connection c, EventId id) throws SQLException {
        Event cached = events.getIfPresent(id);
        if (cached != null) {
            return cached;
        }
        Event event = Rows.findEvent(c, id.value()).orElseThrow(() -> UnknownIdException.event(id));
        events.put(id, event);
        return event;
    }

    /**
     * The event, read again at most once per {@link #EVENT_FRESHNESS}: bookings read it on every
     * request. Only a cancellation ever changes an event, and bookings, holds and confirmations check that
     * in SQL, atomically with what they store; a cached copy only shows a cancellation made on another
     * instance up to that much later.
     */
    @Override
    public Optional<Event> findEvent(EventId id) {
        Event cached = events.getIfPresent(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Event> found = jdbc.autoCommit(c -> Rows.findEvent(c, id.value()));
        found.ifPresent(event -> events.put(id, event));
        return found;
    }

    @Override
    public Page<Event> listEvents(EventFilter filter, PageRequest page) {
        KeysetPages.Query query = new KeysetPages.Query(Rows.EVENT_COLUMNS, "events");
        filter.venue().ifPresent(venue -> query.and("lower(venue) = :venue", "venue", venue.toLowerCase(Locale.ROOT)));
        filter.from().ifPresent(from -> query.and("starts_at >= :from", "from", from));
        filter.to().ifPresent(to -> query.and("starts_at < :to", "to", to));
        return pages.page(query, "starts_at", page, Rows::event, Cursor::of);
    }

    // --- bookings ---

    @Override
    public void addBooking(Booking booking, int maxSeatsPerCustomer) {
        Event event = findEvent(booking.eventId()).orElseThrow(() -> UnknownIdException.event(booking.eventId()));
        Notification confirmed = notices.bookingConfirmed(event, booking);
        if (maxSeatsPerCustomer == Integer.MAX_VALUE) {
            // One statement, committed on its own: the event cannot vanish (events are never deleted), and
            // expired holds are judged inside that statement.
            jdbc.autoCommit(c -> {
                claims.bookWithClaims(c, booking, confirmed);
                return null;
            });
            return;
        }
        jdbc.inTransaction(c -> {
            // The event's row, then the customer's lock, in the order a hold takes them.
            claims.requireOnSale(c, event.id());
            Instant at = time.now(c, booking.createdAt());
            int held = claims.heldBy(c, event.id(), booking.customer(), at);
            HoldRequest.customerSeats(maxSeatsPerCustomer,
                    (long) held + claims.bookedBy(c, event.id(), booking.customer()), booking.seats().size());
            claims.bookWithClaims(c, booking, confirmed);
            return null;
        });
    }

    @Override
    public Optional<Booking> findBooking(BookingId id) {
        return jdbc.autoCommit(c -> Rows.findBooking(c, id, false));
    }

    @Override
    public Page<Booking> listBookings(PageRequest page, Optional<String> customer) {
        KeysetPages.Query query = new KeysetPages.Query(Rows.BOOKING_COLUMNS, "bookings");
        customer.ifPresent(c -> query.and("customer = :customer", "customer", c));
        return pages.page(query, "created_at", page, Rows::booking, Cursor::of);
    }

    @Override
    public Booking.Cancellation cancelBooking(BookingId id, Optional<SeatSelection> seats, Instant now) {
        return jdbc.inTransaction(c -> {
            EventId eventId = Rows.findBooking(c, id, false).orElseThrow(() -> UnknownIdException.booking(id)).eventId();
            // The event before the booking, in the order an event's cancellation locks them.
            boolean onSale = claims.lockOnSale(c, eventId);
            Booking booking = Rows.findBooking(c, id, true).orElseThrow();
            Event event = event(c, eventId);
            Instant at = time.now(c, now);
            Booking.Cancellation cancellation = event.cancelBooking(booking, seats, at);
            if (cancellation.booking() != booking) {
                claims.freeBooking(c, id, cancellation.refund().seats());
                Rows.updateCancelled(c, cancellation.booking());
                Rows.insertNotification(c, notices.bookingCancelled(event, cancellation));
                if (onSale) {
                    offer(c, event, at);
                }
            }
            return cancellation;
        });
    }

    @Override
    public Event cancelEvent(EventId id, Instant now) {
        Event done = jdbc.inTransaction(c -> {
            // The row lock waits for every booking and hold in flight (they hold a share lock on it), and
            // makes every later one find the event cancelled.
            Event event = Rows.findEvent(c, id.value(), true).orElseThrow(() -> UnknownIdException.event(id));
            if (event.isCancelled()) {
                return event;
            }
            Instant at = time.now(c, now);
            // Each read locks the rows it returns until the transaction ends.
            EventCancellation cancellation = event.cancel(at, Rows.liveHolds(c, id, at), Rows.liveBookings(c, id),
                    Waitlists.live(c, id));
            Rows.setCancelled(c, id, at);
            Rows.setHoldsReleased(c, cancellation.released());
            for (Booking.Cancellation refunded : cancellation.refunded()) {
                Rows.updateCancelled(c, refunded.booking());
            }
            Waitlists.expire(c, cancellation.withdrawn());
            for (Notification notification : cancellation.notifications(notices)) {
                Rows.insertNotification(c, notification);
            }
            claims.freeEvent(c, id);
            return cancellation.event();
        });
        events.invalidate(id);
        return done;
    }

    @Override
    public Optional<SalesReport> salesReport(EventId id, Instant now) {
        return withSeats(id, now, (c, event, claimed) -> SalesSums.report(c, event, claimed.taken(), claimed.held(),
                CheckIns.inside(c, event)));
    }

    @FunctionalInterface
    private interface SeatsReader<T> {
        T read(Connection c, Event event, SeatClaims.Claimed claimed) throws SQLException;
    }

    /** What {@code reader} makes of the event and its seats at {@code now}, one snapshot; empty if unknown. */
    private <T> Optional<T> withSeats(EventId id, Instant now, SeatsReader<T> reader) {
        return jdbc.inSnapshot(c -> {
            Optional<Event> event = Rows.findEvent(c, id.value());
            if (event.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(reader.read(c, event.get(), claims.takenAndHeld(c, event.get(), time.now(c, now))));
        });
    }

    // --- holds ---

    @Override
    public Hold placeHold(HoldRequest request, Instant now) {
        Event event = findEvent(request.event().id()).orElseThrow(() -> UnknownIdException.event(request.event().id()));
        return jdbc.inTransaction(c -> {
            claims.requireOnSale(c, event.id());
            if (request.choice() instanceof SeatChoice.BestOf) {
                claims.lockChoices(c, event.id());
            }
            Instant at = time.now(c, now);
            int held = claims.heldBy(c, event.id(), request.customer(), at);
            int booked = request.maxSeatsPerCustomer() == Integer.MAX_VALUE ? 0
                    : claims.bookedBy(c, event.id(), request.customer());
            Hold hold = request.place(held, booked,
                    (quantity, scope) -> BestAvailable.select(event,
                            Jdbc.unchecked(() -> claims.taken(c, event, at)), quantity, scope), at);
            Rows.insertHold(c, hold);
            try {
                claims.claimForHold(c, hold);
            } catch (SeatsUnavailableException lostRace) {
                if (request.choice() instanceof SeatChoice.BestOf) {
                    // Seats this store chose were booked by name between its read and its claim: choose again.
                    throw new RetryPolicy.Conflict(lostRace);
                }
                throw lostRace;
            }
            Rows.insertNotification(c, notices.holdPlaced(event, hold));
            return hold;
        });
    }

    @Override
    public Optional<Hold> findHold(HoldId id) {
        return jdbc.autoCommit(c -> Rows.findHold(c, id, false));
    }

    @Override
    public Hold releaseHold(HoldId id, Instant now) {
        return jdbc.inTransaction(c -> {
            EventId eventId = Rows.findHold(c, id, false).orElseThrow(() -> UnknownIdException.hold(id)).eventId();
            boolean onSale = claims.lockOnSale(c, eventId);
            Hold hold = Rows.findHold(c, id, true).orElseThrow();
            Instant at = time.now(c, now);
            Hold released = hold.releasedAt(at);
            if (released != hold) {
                Event event = event(c, eventId);
                release(c, event, released, at);
                Waitlists.settleOffer(c, id, EntryStatus.LEFT);
                if (onSale) {
                    offer(c, event, at);
                }
            }
            return released;
        });
    }

    @Override
    public Booking confirmHold(HoldId id, BookingId bookingId, String paymentReference, Instant now) {
        return jdbc.inTransaction(c -> {
            Hold hold = Rows.findHold(c, id, true).orElseThrow(() -> UnknownIdException.hold(id));
            claims.requireOnSale(c, hold.eventId());
            Instant at = time.now(c, now);
            Booking booking = Booking.fromHold(bookingId, hold, at, paymentReference);
            Rows.insertBooking(c, booking);
            if (claims.transferToBooking(c, hold, booking, at) != hold.seats().size()) {
                // A request judged at a later instant found the hold expired and took seats over.
                throw new HoldNotActiveException(id, HoldStatus.EXPIRED);
            }
            Rows.setHoldStatus(c, id, HoldStatus.CONFIRMED, bookingId);
            Waitlists.settleOffer(c, id, EntryStatus.ACCEPTED);
            Rows.insertNotification(c, notices.bookingConfirmed(event(c, hold.eventId()), booking));
            return booking;
        });
    }

    /** Frees a live hold's seats, keeps it released and writes its notification. */
    private void release(Connection c, Event event, Hold released, Instant at) throws SQLException {
        claims.freeHold(c, released.id());
        Rows.setHoldStatus(c, released.id(), HoldStatus.RELEASED, null);
        Rows.insertNotification(c, notices.holdReleased(event, released, at));
    }

    // --- the waiting list ---

    @Override
    public WaitlistEntry joinWaitlist(EntryId id, Event event, String customer, int quantity, int maxQuantity,
            Instant now) {
        return jdbc.inTransaction(c -> {
            Event current = Rows.findEvent(c, event.id().value(), false)
                    .orElseThrow(() -> UnknownIdException.event(event.id()));
            claims.requireOnSale(c, event.id());
            Instant at = time.now(c, now);
            BitSet taken = claims.taken(c, current, at);
            WaitingList.checkJoin(current, quantity, maxQuantity, current.totalSeats() - taken.cardinality());
            WaitlistEntry joined = WaitingList.join(id, current, customer, quantity, at, 1);
            Waitlists.insert(c, joined);
            return Waitlists.positioned(c, id);
        });
    }

    @Override
    public Optional<WaitlistEntry> findWaitlistEntry(EntryId id) {
        return jdbc.autoCommit(c -> Waitlists.find(c, id, false));
    }

    @Override
    public Page<WaitlistEntry> listWaitlist(EventId eventId, PageRequest page) {
        KeysetPages.Query query = new KeysetPages.Query(Waitlists.COLUMNS + ", position", Waitlists.POSITIONED);
        query.and("event_id = :event_id", "event_id", eventId.value());
        return pages.page(query, "created_at", page, Waitlists::entry, Cursor::of);
    }

    @Override
    public WaitlistEntry leaveWaitlist(EntryId id, Instant now) {
        return jdbc.inTransaction(c -> {
            EventId eventId = Waitlists.find(c, id, false).orElseThrow(() -> UnknownIdException.entry(id)).eventId();
            boolean onSale = claims.lockOnSale(c, eventId);
            WaitlistEntry current = Waitlists.find(c, id, true).orElseThrow();
            Instant at = time.now(c, now);
            WaitlistEntry left = current.leftAt(at);
            if (left == current) {
                return Waitlists.positioned(c, id);
            }
            Waitlists.setStatus(c, id, EntryStatus.LEFT);
            if (current.status() == EntryStatus.OFFERED) {
                Event event = event(c, eventId);
                Hold hold = Rows.findHold(c, current.holdId(), true).orElseThrow();
                release(c, event, hold.releasedAt(at), at);
                if (onSale) {
                    offer(c, event, at);
                }
            }
            return left;
        });
    }

    @Override
    public int offerFreedSeats(Instant now) {
        List<EventId> pending = jdbc.autoCommit(c -> Waitlists.eventsToSweep(c, time.now(c, now)));
        int offered = 0;
        for (EventId eventId : pending) {
            offered += jdbc.inTransaction(c -> {
                boolean onSale = claims.lockOnSale(c, eventId);
                Instant at = time.now(c, now);
                Waitlists.expireLapsed(c, eventId, at);
                return onSale ? offer(c, event(c, eventId), at) : 0;
            });
        }
        return offered;
    }

    /**
     * Offers the seats free at {@code at} to the event's waiting entries ({@link WaitingList#offers}), in the
     * caller's transaction, which holds a share lock on the event's row: each offer's hold, its claims, its
     * entry and its notifications. The event's rounds take turns. A booking by seat number may claim a seat
     * between this round's read and its claims: then the round is undone (a savepoint) and read again, and
     * after {@link RetryPolicy#OFFER_ROUNDS} the seats are left to the sweep; the caller's own change stands either way.
     *
     * @return how many offers it made
     */
    private int offer(Connection c, Event event, Instant at) throws SQLException {
        if (!Waitlists.anyWaiting(c, event.id())) {
            return 0;
        }
        Waitlists.lockOffers(c, event.id());
        // Best-available holds read free seats and claim them too: take turns with them.
        claims.lockChoices(c, event.id());
        for (int attempt = 1; attempt <= RetryPolicy.OFFER_ROUNDS; attempt++) {
            Savepoint before = c.setSavepoint();
            try {
                int offered = placeOffers(c, event, at);
                c.releaseSavepoint(before);
                return offered;
            } catch (RetryPolicy.Conflict lostRace) {
                c.rollback(before);
            }
        }
        return 0;
    }

    private int placeOffers(Connection c, Event event, Instant at) throws SQLException {
        BitSet taken = claims.taken(c, event, at);
        List<WaitingList.Offer> offers = waitingList.offers(event, Waitlists.waiting(c, event.id()),
                new WaitingList.FreeSeats() {
                    @Override
                    public int count() {
                        return event.totalSeats() - taken.cardinality();
                    }

                    @Override
                    public SeatSelection best(int quantity) {
                        return BestAvailable.select(event, taken, quantity, SeatScope.ANYWHERE);
                    }

                    @Override
                    public void take(Hold hold) {
                        hold.seats().stream().forEach(taken::set);
                    }
                }, at);
        for (WaitingList.Offer offer : offers) {
            Hold hold = offer.hold();
            Rows.insertHold(c, hold);
            try {
                claims.claimForHold(c, hold);
            } catch (SeatsUnavailableException lostRace) {
                throw new RetryPolicy.Conflict(lostRace);
            }
            if (!Waitlists.markOffered(c, offer.entry())) {
                throw new IllegalStateException("entry " + offer.entry().id() + " was offered in another round");
            }
            Rows.insertNotification(c, notices.holdPlaced(event, hold));
            Rows.insertNotification(c, notices.waitlistOffered(event, offer.entry(), at));
        }
        return offers.size();
    }

    // --- tickets ---

    @Override
    public CheckIn checkIn(Ticket ticket, CheckIn.Direction direction, String gate, Instant now) {
        return jdbc.inTransaction(c -> {
            Instant at = time.now(c, now);
            if (direction == CheckIn.Direction.EXIT) {
                if (!CheckIns.exit(c, ticket, at, gate)) {
                    throw new NotCheckedInException(ticket.id());
                }
                return new CheckIn(ticket, CheckIn.Status.CHECKED_OUT, at, gate);
            }
            if (!CheckIns.lockLiveSeat(c, ticket)) {
                Booking booking = Rows.findBooking(c, ticket.bookingId(), false)
                        .filter(found -> found.eventId().equals(ticket.eventId()))
                        .orElseThrow(() -> UnknownIdException.booking(ticket.bookingId()));
                if (!booking.seats().contains(ticket.seat())) {
                    throw UnknownIdException.ticket(ticket.id());
                }
                throw new TicketCancelledException(ticket.id());
            }
            if (!CheckIns.enter(c, ticket, at, gate)) {
                throw new AlreadyCheckedInException(CheckIns.find(c, ticket).orElseThrow());
            }
            CheckIn checkedIn = new CheckIn(ticket, CheckIn.Status.CHECKED_IN, at, gate);
            Rows.insertNotification(c, notices.ticketCheckedIn(event(c, ticket.eventId()), checkedIn));
            return checkedIn;
        });
    }

    // --- seats ---

    @Override
    public Optional<SeatCounts> seatCounts(EventId id, Instant now) {
        return jdbc.autoCommit(c -> claims.counts(c, id, now));
    }

    @Override
    public Optional<SeatPlan> seatPlan(EventId id, Instant now) {
        return withSeats(id, now, (c, event, claimed) -> SeatPlan.of(event, claimed.taken(), claimed.held()));
    }

    @Override
    public Optional<List<SeatRange>> availableSeats(EventId id, Instant now) {
        return jdbc.inTransaction(c -> {
            Optional<Event> event = Rows.findEvent(c, id.value());
            if (event.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(SeatRange.freeRuns(claims.taken(c, event.get(), time.now(c, now)),
                    event.get().totalSeats()));
        });
    }

    @Override
    public int sweepExpiredHolds(Instant now) {
        return jdbc.inTransaction(c -> {
            Instant at = time.now(c, now);
            List<Hold> expired = Rows.takeExpired(c, at);
            for (Hold hold : expired) {
                Rows.insertNotification(c, notices.holdExpired(event(c, hold.eventId()), hold));
            }
            claims.sweepExpired(c, now);
            return expired.size();
        });
    }
}
