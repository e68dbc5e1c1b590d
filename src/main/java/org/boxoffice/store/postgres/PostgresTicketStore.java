package org.boxoffice.store.postgres;

import static org.boxoffice.store.postgres.Jdbc.setInstant;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.boxoffice.domain.BestAvailable;
import org.boxoffice.domain.Booking;
import org.boxoffice.domain.BookingId;
import org.boxoffice.domain.Cursor;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.EventFilter;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Hold;
import org.boxoffice.domain.HoldId;
import org.boxoffice.domain.HoldNotActiveException;
import org.boxoffice.domain.HoldRequest;
import org.boxoffice.domain.HoldStatus;
import org.boxoffice.domain.Page;
import org.boxoffice.domain.PageRequest;
import org.boxoffice.domain.SeatChoice;
import org.boxoffice.domain.SeatCounts;
import org.boxoffice.domain.SeatPlan;
import org.boxoffice.domain.SeatRange;
import org.boxoffice.domain.SeatsUnavailableException;
import org.boxoffice.domain.TicketStore;
import org.boxoffice.domain.UnknownIdException;

/**
 * Keeps everything in PostgreSQL, so that any number of instances share one truth and a confirmed
 * booking survives any crash. Seats are claimed through {@link SeatClaims}, whose primary key makes
 * double booking impossible in the database itself; rows map to domain objects in {@link Rows};
 * listings page through {@link KeysetPages}; hold expiry is judged by {@link DatabaseTime}.
 */
public class PostgresTicketStore implements TicketStore {

    /** How many times a best-available hold re-chooses after losing a race for the seats it chose. */
    private static final int BEST_AVAILABLE_ATTEMPTS = 5;
    /** Events never change once created, so instances may keep them; this bounds how many. */
    private static final int CACHED_EVENTS = 10_000;

    private final Jdbc jdbc;
    private final DatabaseTime time;
    private final SeatClaims claims;
    private final KeysetPages pages;
    private final Map<EventId, Event> events = new ConcurrentHashMap<>();

    /**
     * @param databaseClock judge hold expiry by the database's clock (in service) rather than by the
     *     instant each caller passes (in tests)
     */
    public PostgresTicketStore(DataSource dataSource, boolean databaseClock) {
        this(dataSource, databaseClock, Optional.empty());
    }

    /** @param schema checked before any work, when the service does not migrate the schema itself */
    public PostgresTicketStore(DataSource dataSource, boolean databaseClock, Optional<SchemaCheck> schema) {
        this.jdbc = new Jdbc(dataSource, schema);
        this.time = new DatabaseTime(databaseClock);
        this.claims = new SeatClaims(time);
        this.pages = new KeysetPages(jdbc);
    }

    /** Every call is a round trip to PostgreSQL. */
    @Override
    public boolean blocking() {
        return true;
    }

    // --- events ---

    @Override
    public void addEvent(Event event) {
        jdbc.autoCommit(c -> {
            Rows.insertEvent(c, event);
            return null;
        });
    }

    @Override
    public Optional<Event> findEvent(EventId id) {
        Event cached = events.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Event> found = jdbc.autoCommit(c -> Rows.findEvent(c, id.value()));
        found.ifPresent(this::remember);
        return found;
    }

    private void remember(Event event) {
        if (events.size() >= CACHED_EVENTS) {
            events.clear();
        }
        events.put(event.id(), event);
    }

    @Override
    public Page<Event> listEvents(EventFilter filter, PageRequest page) {
        KeysetPages.Query query = new KeysetPages.Query("events");
        filter.venue().ifPresent(venue -> query.and("lower(venue) = ?", venue.toLowerCase(Locale.ROOT)));
        filter.from().ifPresent(from -> query.and("starts_at >= ?", from));
        filter.to().ifPresent(to -> query.and("starts_at < ?", to));
        return pages.page(query, "starts_at", page, Rows::event, Cursor::of);
    }

    // --- bookings ---

    @Override
    public void addBooking(Booking booking) {
        findEvent(booking.eventId()).orElseThrow(() -> UnknownIdException.event(booking.eventId()));
        // One statement, committed on its own: the event cannot vanish (events are never deleted), and
        // expired holds are judged inside that statement.
        jdbc.autoCommit(c -> {
            claims.bookWithClaims(c, booking);
            return null;
        });
    }

    @Override
    public Optional<Booking> findBooking(BookingId id) {
        return jdbc.autoCommit(c -> Rows.findBooking(c, id, false));
    }

    @Override
    public Page<Booking> listBookings(PageRequest page, Optional<String> customer) {
        KeysetPages.Query query = new KeysetPages.Query("bookings");
        customer.ifPresent(c -> query.and("customer = ?", c));
        return pages.page(query, "created_at", page, Rows::booking, Cursor::of);
    }

    @Override
    public Booking cancelBooking(BookingId id, Instant now) {
        return jdbc.inTransaction(c -> {
            Booking booking = Rows.findBooking(c, id, true).orElseThrow(() -> UnknownIdException.booking(id));
            if (booking.isCancelled()) {
                return booking;
            }
            Booking cancelled = booking.cancelledAt(time.now(c, now));
            claims.freeBooking(c, id);
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE bookings SET status = 'cancelled', cancelled_at = ? WHERE id = ?")) {
                setInstant(update, 1, cancelled.cancelledAt());
                update.setObject(2, id.value());
                update.executeUpdate();
            }
            return cancelled;
        });
    }

    // --- holds ---

    @Override
    public Hold placeHold(HoldRequest request, Instant now) {
        Event event = findEvent(request.event().id()).orElseThrow(() -> UnknownIdException.event(request.event().id()));
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbc.inTransaction(c -> {
                    if (request.choice() instanceof SeatChoice.BestOf) {
                        claims.lockChoices(c, event.id());
                    }
                    Instant at = time.now(c, now);
                    Hold hold = request.place(claims.heldBy(c, event.id(), request.customer(), at),
                            (quantity, scope) -> BestAvailable.select(event,
                                    Jdbc.unchecked(() -> claims.taken(c, event, at)), quantity, scope), at);
                    Rows.insertHold(c, hold);
                    claims.claimForHold(c, hold);
                    return hold;
                });
            } catch (SeatsUnavailableException lostRace) {
                // Seats this store chose were booked by name between its read and its claim: choose again.
                if (!(request.choice() instanceof SeatChoice.BestOf) || attempt == BEST_AVAILABLE_ATTEMPTS) {
                    throw lostRace;
                }
            }
        }
    }

    @Override
    public Optional<Hold> findHold(HoldId id) {
        return jdbc.autoCommit(c -> Rows.findHold(c, id, false));
    }

    @Override
    public Hold releaseHold(HoldId id, Instant now) {
        return jdbc.inTransaction(c -> {
            Hold hold = Rows.findHold(c, id, true).orElseThrow(() -> UnknownIdException.hold(id));
            Hold released = hold.releasedAt(time.now(c, now));
            if (released != hold) {
                claims.freeHold(c, id);
                Rows.setHoldStatus(c, id, HoldStatus.RELEASED, null);
            }
            return released;
        });
    }

    @Override
    public Booking confirmHold(HoldId id, BookingId bookingId, Instant now) {
        return jdbc.inTransaction(c -> {
            Hold hold = Rows.findHold(c, id, true).orElseThrow(() -> UnknownIdException.hold(id));
            Instant at = time.now(c, now);
            Booking booking = Booking.fromHold(bookingId, hold, at);
            Rows.insertBooking(c, booking);
            if (claims.transferToBooking(c, hold, booking, at) != hold.seats().size()) {
                // A request judged at a later instant found the hold expired and took seats over.
                throw new HoldNotActiveException(id, HoldStatus.EXPIRED);
            }
            Rows.setHoldStatus(c, id, HoldStatus.CONFIRMED, bookingId);
            return booking;
        });
    }

    // --- seats ---

    @Override
    public Optional<SeatCounts> seatCounts(EventId id, Instant now) {
        return jdbc.autoCommit(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT e.total_seats,"
                    + " count(s.seat) FILTER (WHERE s.booking_id IS NOT NULL) AS booked,"
                    + " count(s.seat) FILTER (WHERE s.hold_id IS NOT NULL AND s.expires_at > "
                    + time.sql() + ") AS held"
                    + " FROM events e LEFT JOIN seat_claims s ON s.event_id = e.id"
                    + " WHERE e.id = ? GROUP BY e.total_seats")) {
                time.set(select, 1, now);
                select.setObject(2, id.value());
                try (ResultSet row = select.executeQuery()) {
                    return row.next()
                            ? Optional.of(SeatCounts.of(row.getInt("total_seats"), row.getInt("booked"),
                                    row.getInt("held")))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<SeatPlan> seatPlan(EventId id, Instant now) {
        return jdbc.inTransaction(c -> {
            Optional<Event> event = Rows.findEvent(c, id.value());
            if (event.isEmpty()) {
                return Optional.empty();
            }
            SeatClaims.Claimed claimed = claims.takenAndHeld(c, event.get(), time.now(c, now));
            return Optional.of(SeatPlan.of(event.get(), claimed.taken(), claimed.held()));
        });
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
        return jdbc.autoCommit(c -> claims.sweepExpired(c, now));
    }
}
