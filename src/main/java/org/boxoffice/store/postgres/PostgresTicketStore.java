package org.boxoffice.store.postgres;

import static org.boxoffice.store.postgres.Jdbc.getInstant;
import static org.boxoffice.store.postgres.Jdbc.getInts;
import static org.boxoffice.store.postgres.Jdbc.getUuid;
import static org.boxoffice.store.postgres.Jdbc.intArray;
import static org.boxoffice.store.postgres.Jdbc.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.boxoffice.domain.BestAvailable;
import org.boxoffice.domain.Booking;
import org.boxoffice.domain.BookingId;
import org.boxoffice.domain.BookingStatus;
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
import org.boxoffice.domain.SeatRange;
import org.boxoffice.domain.SeatSelection;
import org.boxoffice.domain.SeatsUnavailableException;
import org.boxoffice.domain.TicketStore;
import org.boxoffice.domain.UnknownIdException;

/**
 * Keeps everything in PostgreSQL, so that any number of instances share one truth and a confirmed
 * booking survives any crash. Double booking is impossible in the database itself: every taken seat
 * is a row of {@code seat_claims} keyed by (event, seat). A request claims all its seats in one
 * transaction, in ascending seat order (so two requests never deadlock), or none.
 *
 * <p>Hold expiry is judged by the database's clock when {@code databaseClock} is set (in service),
 * so instances with skewed clocks agree; otherwise by the instant each caller passes (in tests).
 */
public class PostgresTicketStore implements TicketStore {

    /** How many times a best-available hold re-chooses after losing a race for the seats it chose. */
    private static final int BEST_AVAILABLE_ATTEMPTS = 5;
    /** Events never change once created, so instances may keep them; this bounds how many. */
    private static final int CACHED_EVENTS = 10_000;
    /** The SQLSTATE of {@code refuse_booking()} (migration V3): a booking's statement did not get every seat. */
    private static final String SEAT_TAKEN = "BX409";

    private final Jdbc jdbc;
    private final boolean databaseClock;
    private final Map<EventId, Event> events = new ConcurrentHashMap<>();

    public PostgresTicketStore(DataSource dataSource, boolean databaseClock) {
        this.jdbc = new Jdbc(dataSource);
        this.databaseClock = databaseClock;
    }

    // --- events ---

    /** Every call is a round trip to PostgreSQL. */
    @Override
    public boolean blocking() {
        return true;
    }

    @Override
    public void addEvent(Event event) {
        jdbc.autoCommit(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO events"
                    + " (id, name, venue, starts_at, total_seats, created_at, organizer) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, event.id().value());
                insert.setString(2, event.name());
                insert.setString(3, event.venue());
                setInstant(insert, 4, event.startsAt());
                insert.setInt(5, event.totalSeats());
                setInstant(insert, 6, event.createdAt());
                insert.setString(7, event.organizer());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Event> findEvent(EventId id) {
        Event cached = events.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Event> found = jdbc.autoCommit(c -> findEvent(c, id.value()));
        found.ifPresent(this::remember);
        return found;
    }

    private void remember(Event event) {
        if (events.size() >= CACHED_EVENTS) {
            events.clear();
        }
        events.put(event.id(), event);
    }

    private static Optional<Event> findEvent(Connection c, UUID id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT * FROM events WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(event(row)) : Optional.empty();
            }
        }
    }

    @Override
    public Page<Event> listEvents(EventFilter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT * FROM events WHERE true");
        List<Object> params = new ArrayList<>();
        filter.venue().ifPresent(venue -> {
            sql.append(" AND lower(venue) = ?");
            params.add(venue.toLowerCase(Locale.ROOT));
        });
        filter.from().ifPresent(from -> {
            sql.append(" AND starts_at >= ?");
            params.add(from);
        });
        filter.to().ifPresent(to -> {
            sql.append(" AND starts_at < ?");
            params.add(to);
        });
        return page(sql, params, page, "starts_at", PostgresTicketStore::event, Cursor::of);
    }

    // --- bookings ---

    @Override
    public void addBooking(Booking booking) {
        findEvent(booking.eventId()).orElseThrow(() -> UnknownIdException.event(booking.eventId()));
        // One round trip: one statement, committed on its own, claims the seats and inserts the booking,
        // and fails as a whole (claims undone) when some seat was taken. The event cannot vanish (events
        // are never deleted), and expired holds are judged inside that statement.
        jdbc.autoCommit(c -> {
            try {
                insertBookingWithClaims(c, booking);
            } catch (SQLException e) {
                if (!SEAT_TAKEN.equals(e.getSQLState())) {
                    throw e;
                }
                refuseTaken(c, booking.eventId(), booking.seats(), booking.id().value());
            }
            return null;
        });
    }

    @Override
    public Optional<Booking> findBooking(BookingId id) {
        return jdbc.autoCommit(c -> findBooking(c, id, false));
    }

    @Override
    public Page<Booking> listBookings(PageRequest page, Optional<String> customer) {
        StringBuilder sql = new StringBuilder("SELECT * FROM bookings WHERE true");
        List<Object> params = new ArrayList<>();
        customer.ifPresent(c -> {
            sql.append(" AND customer = ?");
            params.add(c);
        });
        return page(sql, params, page, "created_at", PostgresTicketStore::booking, Cursor::of);
    }

    @Override
    public Booking cancelBooking(BookingId id, Instant now) {
        return jdbc.inTransaction(c -> {
            Booking booking = findBooking(c, id, true).orElseThrow(() -> UnknownIdException.booking(id));
            if (booking.isCancelled()) {
                return booking;
            }
            Instant at = now(c, now);
            try (PreparedStatement free = c.prepareStatement("DELETE FROM seat_claims WHERE booking_id = ?")) {
                free.setObject(1, id.value());
                free.executeUpdate();
            }
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE bookings SET status = 'cancelled', cancelled_at = ? WHERE id = ?")) {
                setInstant(update, 1, at);
                update.setObject(2, id.value());
                update.executeUpdate();
            }
            return booking.cancelledAt(at);
        });
    }

    // --- holds ---

    @Override
    public Hold placeHold(HoldRequest request, Instant now) {
        Event event = request.event();
        findEvent(event.id()).orElseThrow(() -> UnknownIdException.event(event.id()));
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbc.inTransaction(c -> {
                    Instant at = now(c, now);
                    request.checkLimit(heldBy(c, event.id(), request.customer(), at));
                    SeatSelection seats = request.choice() instanceof SeatChoice.Explicit explicit
                            ? explicit.seats()
                            : BestAvailable.select(takenSeats(c, event, at), event.totalSeats(),
                                    ((SeatChoice.BestOf) request.choice()).quantity());
                    Hold hold = Hold.placed(request.id(), event.id(), request.customer(), seats, at,
                            at.plus(request.ttl()));
                    insertHold(c, hold);
                    claim(c, event.id(), seats, null, request.id().value(), hold.expiresAt(), at);
                    return hold;
                });
            } catch (SeatsUnavailableException lostRace) {
                if (request.choice() instanceof SeatChoice.Explicit || attempt == BEST_AVAILABLE_ATTEMPTS) {
                    throw lostRace;
                }
            }
        }
    }

    /**
     * Seats the customer's live holds of the event hold. Takes a lock on (event, customer) until the
     * transaction ends, so that two holds of one customer cannot both pass the limit.
     */
    private static int heldBy(Connection c, EventId eventId, String customer, Instant now) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            lock.setString(1, eventId + "/" + customer);
            lock.execute();
        }
        try (PreparedStatement count = c.prepareStatement("SELECT coalesce(sum(cardinality(seats)), 0) FROM holds"
                + " WHERE event_id = ? AND customer = ? AND status = 'held' AND expires_at > ?")) {
            count.setObject(1, eventId.value());
            count.setString(2, customer);
            setInstant(count, 3, now);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    @Override
    public Optional<Hold> findHold(HoldId id) {
        return jdbc.autoCommit(c -> findHold(c, id, false));
    }

    @Override
    public Hold releaseHold(HoldId id, Instant now) {
        return jdbc.inTransaction(c -> {
            Hold hold = findHold(c, id, true).orElseThrow(() -> UnknownIdException.hold(id));
            if (hold.status() == HoldStatus.CONFIRMED) {
                throw new HoldNotActiveException(id, HoldStatus.CONFIRMED);
            }
            if (!hold.isLiveAt(now(c, now))) {
                return hold;
            }
            try (PreparedStatement free = c.prepareStatement("DELETE FROM seat_claims WHERE hold_id = ?")) {
                free.setObject(1, id.value());
                free.executeUpdate();
            }
            setHoldStatus(c, id, "released", null);
            return hold.released();
        });
    }

    @Override
    public Booking confirmHold(HoldId id, BookingId bookingId, Instant now) {
        return jdbc.inTransaction(c -> {
            Hold hold = findHold(c, id, true).orElseThrow(() -> UnknownIdException.hold(id));
            Instant at = now(c, now);
            HoldStatus status = hold.statusAt(at);
            if (status != HoldStatus.HELD) {
                throw new HoldNotActiveException(id, status);
            }
            Booking booking = Booking.fromHold(bookingId, hold, at);
            insertBooking(c, booking);
            try (PreparedStatement take = c.prepareStatement("UPDATE seat_claims SET booking_id = ?,"
                    + " hold_id = NULL, expires_at = NULL WHERE hold_id = ? AND expires_at > ?")) {
                take.setObject(1, bookingId.value());
                take.setObject(2, id.value());
                setInstant(take, 3, at);
                if (take.executeUpdate() != hold.seats().size()) {
                    // A request judged at a later instant found the hold expired and took seats over.
                    throw new HoldNotActiveException(id, HoldStatus.EXPIRED);
                }
            }
            setHoldStatus(c, id, "confirmed", bookingId.value());
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
                    + nowSql() + ") AS held"
                    + " FROM events e LEFT JOIN seat_claims s ON s.event_id = e.id"
                    + " WHERE e.id = ? GROUP BY e.total_seats")) {
                setNow(select, 1, now);
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
    public Optional<List<SeatRange>> availableSeats(EventId id, Instant now) {
        return jdbc.inTransaction(c -> findEvent(c, id.value()).map(event -> {
            try {
                return SeatRange.freeRuns(takenSeats(c, event, now(c, now)), event.totalSeats());
            } catch (SQLException e) {
                throw Jdbc.translate(e);
            }
        }));
    }

    @Override
    public int sweepExpiredHolds(Instant now) {
        return jdbc.autoCommit(c -> {
            try (PreparedStatement sweep = c.prepareStatement("WITH expired AS (DELETE FROM seat_claims"
                    + " WHERE hold_id IS NOT NULL AND expires_at <= " + nowSql() + " RETURNING hold_id)"
                    + " SELECT count(DISTINCT hold_id) FROM expired")) {
                setNow(sweep, 1, now);
                try (ResultSet row = sweep.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }

    // --- claims ---

    /**
     * Claims every seat for one owner, taking over claims of holds that have expired, or throws
     * {@link SeatsUnavailableException} naming the seats others own (the caller's transaction then
     * rolls back, so nothing is claimed).
     */
    private void claim(Connection c, EventId eventId, SeatSelection seats, UUID bookingId, UUID holdId,
            Instant expiresAt, Instant now) throws SQLException {
        int claimed;
        try (PreparedStatement insert = c.prepareStatement(claimSql())) {
            setClaim(c, insert, eventId, seats, bookingId, holdId, expiresAt, now);
            claimed = insert.executeUpdate();
        }
        if (claimed != seats.size()) {
            refuseTaken(c, eventId, seats, bookingId != null ? bookingId : holdId);
        }
    }

    /**
     * Claims the booking's seats and inserts the booking in one statement, which fails as a whole with
     * {@link #SEAT_TAKEN} (migration V3, {@code refuse_booking()}) when some seat was taken: neither
     * the booking row nor any claim of it is then written.
     */
    private void insertBookingWithClaims(Connection c, Booking booking) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("WITH claimed AS (" + claimSql() + " RETURNING seat)"
                + " INSERT INTO bookings (id, event_id, seats, status, created_at, hold_id, cancelled_at, customer)"
                + " SELECT ?, ?, ?, ?, ?, ?, ?, ?"
                + " WHERE CASE WHEN (SELECT count(*) FROM claimed) = ? THEN true ELSE refuse_booking() END")) {
            setClaim(c, insert, booking.eventId(), booking.seats(), booking.id().value(), null, null,
                    booking.createdAt());
            setBooking(c, insert, 7, booking);
            insert.setInt(15, booking.seats().size());
            insert.executeUpdate();
        }
    }

    /**
     * Claims every seat for one owner in ascending order, taking over claims of holds that have
     * expired; six parameters ({@link #setClaim}).
     */
    private String claimSql() {
        return "INSERT INTO seat_claims (event_id, seat, booking_id, hold_id, expires_at)"
                + " SELECT ?, seat, ?, ?, ? FROM unnest(?::integer[]) AS seat ORDER BY seat"
                + " ON CONFLICT (event_id, seat) DO UPDATE SET booking_id = excluded.booking_id,"
                + " hold_id = excluded.hold_id, expires_at = excluded.expires_at"
                + " WHERE seat_claims.hold_id IS NOT NULL AND seat_claims.expires_at <= " + nowSql();
    }

    private void setClaim(Connection c, PreparedStatement insert, EventId eventId, SeatSelection seats,
            UUID bookingId, UUID holdId, Instant expiresAt, Instant now) throws SQLException {
        insert.setObject(1, eventId.value());
        insert.setObject(2, bookingId);
        insert.setObject(3, holdId);
        setInstant(insert, 4, expiresAt);
        insert.setArray(5, intArray(c, seats.seats()));
        setNow(insert, 6, now);
    }

    /**
     * Throws {@link SeatsUnavailableException} naming the seats of {@code seats} that others own. If
     * none is owned any more (freed between the claim that failed and this read), it throws a
     * serialization failure instead, so that {@link Jdbc} runs the whole claim again.
     */
    private static void refuseTaken(Connection c, EventId eventId, SeatSelection seats, UUID owner)
            throws SQLException {
        try (PreparedStatement taken = c.prepareStatement("SELECT seat FROM seat_claims WHERE event_id = ?"
                + " AND seat = ANY (?) AND coalesce(booking_id, hold_id) <> ? ORDER BY seat")) {
            taken.setObject(1, eventId.value());
            taken.setArray(2, intArray(c, seats.seats()));
            taken.setObject(3, owner);
            List<Integer> unavailable = new ArrayList<>();
            try (ResultSet rows = taken.executeQuery()) {
                while (rows.next()) {
                    unavailable.add(rows.getInt(1));
                }
            }
            if (unavailable.isEmpty()) {
                throw new SQLException("the seats in the way were freed meanwhile", Jdbc.SERIALIZATION_FAILURE);
            }
            throw new SeatsUnavailableException(unavailable.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    private static BitSet takenSeats(Connection c, Event event, Instant now) throws SQLException {
        BitSet taken = new BitSet(event.totalSeats() + 1);
        try (PreparedStatement select = c.prepareStatement("SELECT seat FROM seat_claims WHERE event_id = ?"
                + " AND (booking_id IS NOT NULL OR expires_at > ?)")) {
            select.setObject(1, event.id().value());
            setInstant(select, 2, now);
            select.setFetchSize(10_000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    taken.set(rows.getInt(1));
                }
            }
        }
        return taken;
    }

    // --- time ---

    /** The instant that counts: the database's clock, or the caller's in tests. Microseconds, as stored. */
    private Instant now(Connection c, Instant given) throws SQLException {
        if (!databaseClock) {
            return given.truncatedTo(ChronoUnit.MICROS);
        }
        try (PreparedStatement select = c.prepareStatement("SELECT clock_timestamp()");
                ResultSet row = select.executeQuery()) {
            row.next();
            return getInstant(row, "clock_timestamp");
        }
    }

    private String nowSql() {
        return databaseClock ? "coalesce(?::timestamptz, clock_timestamp())" : "?::timestamptz";
    }

    private void setNow(PreparedStatement statement, int index, Instant given) throws SQLException {
        setInstant(statement, index, databaseClock ? null : given);
    }

    // --- rows ---

    private static void insertBooking(Connection c, Booking booking) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO bookings (id, event_id, seats, status,"
                + " created_at, hold_id, cancelled_at, customer) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            setBooking(c, insert, 1, booking);
            insert.executeUpdate();
        }
    }

    /** The eight columns of a booking row, from parameter {@code first} on. */
    private static void setBooking(Connection c, PreparedStatement insert, int first, Booking booking)
            throws SQLException {
        insert.setObject(first, booking.id().value());
        insert.setObject(first + 1, booking.eventId().value());
        insert.setArray(first + 2, intArray(c, booking.seats().seats()));
        insert.setString(first + 3, booking.status().wireName());
        setInstant(insert, first + 4, booking.createdAt());
        insert.setObject(first + 5, booking.holdId() == null ? null : booking.holdId().value());
        setInstant(insert, first + 6, booking.cancelledAt());
        insert.setString(first + 7, booking.customer());
    }

    private static void insertHold(Connection c, Hold hold) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO holds"
                + " (id, event_id, seats, created_at, expires_at, status, customer) VALUES (?, ?, ?, ?, ?, 'held', ?)")) {
            insert.setObject(1, hold.id().value());
            insert.setObject(2, hold.eventId().value());
            insert.setArray(3, intArray(c, hold.seats().seats()));
            setInstant(insert, 4, hold.createdAt());
            setInstant(insert, 5, hold.expiresAt());
            insert.setString(6, hold.customer());
            insert.executeUpdate();
        }
    }

    private static void setHoldStatus(Connection c, HoldId id, String status, UUID bookingId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE holds SET status = ?, booking_id = ? WHERE id = ?")) {
            update.setString(1, status);
            update.setObject(2, bookingId);
            update.setObject(3, id.value());
            update.executeUpdate();
        }
    }

    private static Optional<Booking> findBooking(Connection c, BookingId id, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT * FROM bookings WHERE id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setObject(1, id.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(booking(row)) : Optional.empty();
            }
        }
    }

    private static Optional<Hold> findHold(Connection c, HoldId id, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT * FROM holds WHERE id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setObject(1, id.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(hold(row)) : Optional.empty();
            }
        }
    }

    private static Event event(ResultSet row) throws SQLException {
        return new Event(new EventId(getUuid(row, "id")), row.getString("name"), row.getString("venue"),
                getInstant(row, "starts_at"), row.getInt("total_seats"), getInstant(row, "created_at"),
                row.getString("organizer"));
    }

    private static Booking booking(ResultSet row) throws SQLException {
        UUID holdId = getUuid(row, "hold_id");
        return new Booking(new BookingId(getUuid(row, "id")), new EventId(getUuid(row, "event_id")),
                SeatSelection.ofAscending(getInts(row, "seats")),
                BookingStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)), getInstant(row, "created_at"),
                holdId == null ? null : new HoldId(holdId), getInstant(row, "cancelled_at"), row.getString("customer"));
    }

    private static Hold hold(ResultSet row) throws SQLException {
        UUID bookingId = getUuid(row, "booking_id");
        return new Hold(new HoldId(getUuid(row, "id")), new EventId(getUuid(row, "event_id")),
                SeatSelection.ofAscending(getInts(row, "seats")), getInstant(row, "created_at"),
                getInstant(row, "expires_at"), HoldStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                bookingId == null ? null : new BookingId(bookingId), row.getString("customer"));
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Keyset pagination over (orderColumn, id): stable while rows are added elsewhere in the order. */
    private <T> Page<T> page(StringBuilder sql, List<Object> params, PageRequest page, String orderColumn,
            RowReader<T> reader, java.util.function.Function<T, Cursor> cursorOf) {
        page.after().ifPresent(after -> {
            sql.append(" AND (").append(orderColumn).append(", id) > (?, ?)");
            params.add(after.at());
            params.add(after.id());
        });
        sql.append(" ORDER BY ").append(orderColumn).append(", id LIMIT ?");
        params.add(page.limit() + 1);
        return jdbc.autoCommit(c -> {
            try (PreparedStatement select = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    Object param = params.get(i);
                    if (param instanceof Instant instant) {
                        setInstant(select, i + 1, instant);
                    } else {
                        select.setObject(i + 1, param);
                    }
                }
                List<T> items = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        items.add(reader.read(rows));
                    }
                }
                if (items.size() <= page.limit()) {
                    return new Page<>(items, Optional.empty());
                }
                List<T> shown = items.subList(0, page.limit());
                return new Page<>(shown, Optional.of(cursorOf.apply(shown.get(shown.size() - 1))));
            }
        });
    }
}
