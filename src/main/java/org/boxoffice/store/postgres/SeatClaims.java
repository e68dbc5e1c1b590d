package org.boxoffice.store.postgres;

import static org.boxoffice.store.postgres.Jdbc.intArray;
import static org.boxoffice.store.postgres.Jdbc.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;
import org.boxoffice.domain.Booking;
import org.boxoffice.domain.BookingId;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.EventCancelledException;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Hold;
import org.boxoffice.domain.HoldId;
import org.boxoffice.domain.Notification;
import org.boxoffice.domain.SeatSelection;
import org.boxoffice.domain.SeatsUnavailableException;
import org.boxoffice.domain.UnknownIdException;

/**
 * Who has which seat: every taken seat is a row of {@code seat_claims} keyed by (event, seat), owned
 * by a booking, or by a hold until its {@code expires_at}, after which any request may take it over.
 * The primary key is what makes double booking impossible, across any number of instances. A request
 * claims its seats in ascending order (so two requests never deadlock), all or none.
 */
final class SeatClaims {

    /** The SQLSTATE of {@code refuse_booking()} (migration V3): a booking's statement did not get every seat. */
    private static final String SEAT_TAKEN = "BX409";
    /** The SQLSTATE of {@code refuse_cancelled_event()} (migration V5): the booking's event was cancelled. */
    private static final String EVENT_CANCELLED = "BX410";

    private final DatabaseTime time;

    SeatClaims(DatabaseTime time) {
        this.time = time;
    }

    /**
     * Claims the hold's seats, or throws {@link SeatsUnavailableException} naming the seats others own
     * (the caller's transaction then rolls back, so nothing is claimed).
     */
    void claimForHold(Connection c, Hold hold) throws SQLException {
        int claimed;
        try (PreparedStatement insert = c.prepareStatement(claimSql(""))) {
            setClaim(c, insert, 1, hold.eventId(), hold.seats(), null, hold.id().value(), hold.expiresAt(),
                    hold.createdAt());
            claimed = insert.executeUpdate();
        }
        if (claimed != hold.seats().size()) {
            refuseTaken(c, hold.eventId(), hold.seats(), hold.id().value());
        }
    }

    /**
     * Claims the booking's seats and inserts the booking and its notification in one statement, committed
     * on its own (one round trip), or throws {@link SeatsUnavailableException} naming the seats others own, or
     * {@link EventCancelledException}. The statement holds a share lock on the event's row, so a
     * cancellation of the event waits for it, and it fails as a whole, claims included, when the event
     * was cancelled ({@link #EVENT_CANCELLED}) or some seat was taken ({@link #SEAT_TAKEN}).
     */
    void bookWithClaims(Connection c, Booking booking, Notification notification) throws SQLException {
        // Inside a transaction, the statement's failure would abort it before the seats in the way are read.
        Savepoint before = c.getAutoCommit() ? null : c.setSavepoint();
        try (PreparedStatement insert = c.prepareStatement("WITH open AS (SELECT id FROM events"
                + " WHERE id = ? AND cancelled_at IS NULL FOR SHARE),"
                + " claimed AS (" + claimSql(" WHERE EXISTS (SELECT 1 FROM open)") + " RETURNING seat),"
                + " noted AS (INSERT INTO outbox (id, type, event_id, organizer, subject, time, data)"
                + " VALUES (" + Rows.NOTIFICATION_VALUES + "))"
                + " INSERT INTO bookings (" + Rows.BOOKING_COLUMNS + ") SELECT " + Rows.BOOKING_VALUES
                + " WHERE CASE WHEN NOT EXISTS (SELECT 1 FROM open) THEN refuse_cancelled_event()"
                + " WHEN (SELECT count(*) FROM claimed) = ? THEN true ELSE refuse_booking() END")) {
            int at = 1;
            insert.setObject(at++, booking.eventId().value());
            setClaim(c, insert, at, booking.eventId(), booking.seats(), booking.id().value(), null, null,
                    booking.createdAt());
            at += 6;
            Rows.setNotification(insert, at, notification);
            at += Rows.NOTIFICATION_COLUMN_COUNT;
            Rows.setBooking(c, insert, at, booking);
            at += Rows.BOOKING_COLUMN_COUNT;
            insert.setInt(at, booking.seats().size());
            insert.executeUpdate();
        } catch (SQLException e) {
            if (before != null) {
                c.rollback(before);
            }
            if (EVENT_CANCELLED.equals(e.getSQLState())) {
                throw new EventCancelledException(booking.eventId());
            }
            if (!SEAT_TAKEN.equals(e.getSQLState())) {
                throw e;
            }
            refuseTaken(c, booking.eventId(), booking.seats(), booking.id().value());
        }
    }

    /**
     * Refuses work on a cancelled event, and holds a share lock on its row until the transaction ends, so
     * that a cancellation waits for this transaction and what it stores is cancelled with the rest.
     *
     * @throws EventCancelledException if the event was cancelled
     */
    void requireOnSale(Connection c, EventId eventId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT cancelled_at IS NOT NULL FROM events"
                + " WHERE id = ? FOR SHARE")) {
            select.setObject(1, eventId.value());
            try (ResultSet row = select.executeQuery()) {
                if (row.next() && row.getBoolean(1)) {
                    throw new EventCancelledException(eventId);
                }
            }
        }
    }

    /**
     * Holds a share lock on the event's row until the transaction ends, as {@link #requireOnSale} does, and
     * says whether it is still on sale; for work that goes on for a cancelled event, such as a cancellation.
     *
     * @throws UnknownIdException if there is no such event
     */
    boolean lockOnSale(Connection c, EventId eventId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT cancelled_at IS NULL FROM events"
                + " WHERE id = ? FOR SHARE")) {
            select.setObject(1, eventId.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw UnknownIdException.event(eventId);
                }
                return row.getBoolean(1);
            }
        }
    }

    /** Hands a live hold's claims to the booking it is confirmed into; how many it handed over. */
    int transferToBooking(Connection c, Hold hold, Booking booking, Instant now) throws SQLException {
        try (PreparedStatement take = c.prepareStatement("UPDATE seat_claims SET booking_id = ?,"
                + " hold_id = NULL, expires_at = NULL WHERE hold_id = ? AND expires_at > ?")) {
            take.setObject(1, booking.id().value());
            take.setObject(2, hold.id().value());
            setInstant(take, 3, now);
            return take.executeUpdate();
        }
    }

    /** Frees these seats of the booking. */
    void freeBooking(Connection c, BookingId id, SeatSelection seats) throws SQLException {
        try (PreparedStatement free = c.prepareStatement("DELETE FROM seat_claims WHERE booking_id = ?"
                + " AND seat = ANY (?)")) {
            free.setObject(1, id.value());
            free.setArray(2, intArray(c, seats.seats()));
            free.executeUpdate();
        }
    }

    /** Frees every seat of the event: it was cancelled. */
    void freeEvent(Connection c, EventId id) throws SQLException {
        try (PreparedStatement free = c.prepareStatement("DELETE FROM seat_claims WHERE event_id = ?")) {
            free.setObject(1, id.value());
            free.executeUpdate();
        }
    }

    /** Frees every seat the hold owns. */
    void freeHold(Connection c, HoldId id) throws SQLException {
        free(c, "hold_id", id.value());
    }

    /**
     * Makes best-available choices of one event take turns until the transaction ends: otherwise two
     * concurrent ones read the same free seats, choose the same best ones, and all but one lose the
     * claim. Requests that name their seats do not wait for it; the claim's primary key still decides.
     */
    void lockChoices(Connection c, EventId eventId) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 1))")) {
            lock.setString(1, eventId.toString());
            lock.execute();
        }
    }

    /**
     * Seats the customer's live holds of the event hold. Takes a lock on (event, customer) until the
     * transaction ends, so that two holds of one customer cannot both pass the limit.
     */
    int heldBy(Connection c, EventId eventId, String customer, Instant now) throws SQLException {
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

    /** A customer's booked seats of an event, read by index {@code bookings_confirmed_by_event_and_customer}. */
    static final String BOOKED_BY = "SELECT count(*) FROM seat_claims WHERE event_id = ?"
            + " AND booking_id IN (SELECT id FROM bookings WHERE event_id = ? AND customer = ?"
            + " AND status = 'confirmed')";

    /**
     * Seats of the event the customer's bookings hold (not those cancelled). Call after {@link #heldBy},
     * whose lock keeps the count until the transaction ends.
     */
    int bookedBy(Connection c, EventId eventId, String customer) throws SQLException {
        try (PreparedStatement count = c.prepareStatement(BOOKED_BY)) {
            count.setObject(1, eventId.value());
            count.setObject(2, eventId.value());
            count.setString(3, customer);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** The event's taken seats at {@code now}: bit {@code n} is seat {@code n}. */
    BitSet taken(Connection c, Event event, Instant now) throws SQLException {
        return takenAndHeld(c, event, now).taken();
    }

    /** An event's seats at one instant: bit {@code n} of {@code taken} set when seat {@code n} is booked or held. */
    record Claimed(BitSet taken, BitSet held) {
    }

    /** The event's taken seats at {@code now}, and of those the ones live holds hold. */
    Claimed takenAndHeld(Connection c, Event event, Instant now) throws SQLException {
        BitSet taken = new BitSet(event.totalSeats() + 1);
        BitSet held = new BitSet(event.totalSeats() + 1);
        try (PreparedStatement select = c.prepareStatement("SELECT seat, hold_id IS NOT NULL FROM seat_claims"
                + " WHERE event_id = ? AND (booking_id IS NOT NULL OR expires_at > ?)")) {
            select.setObject(1, event.id().value());
            setInstant(select, 2, now);
            select.setFetchSize(10_000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    taken.set(rows.getInt(1));
                    held.set(rows.getInt(1), rows.getBoolean(2));
                }
            }
        }
        return new Claimed(taken, held);
    }

    /** Deletes the claims of holds that expired; how many holds they were. */
    int sweepExpired(Connection c, Instant now) throws SQLException {
        try (PreparedStatement sweep = c.prepareStatement("WITH expired AS (DELETE FROM seat_claims"
                + " WHERE hold_id IS NOT NULL AND expires_at <= " + time.sql() + " RETURNING hold_id)"
                + " SELECT count(DISTINCT hold_id) FROM expired")) {
            time.set(sweep, 1, now);
            try (ResultSet row = sweep.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static void free(Connection c, String ownerColumn, UUID owner) throws SQLException {
        try (PreparedStatement free = c.prepareStatement("DELETE FROM seat_claims WHERE " + ownerColumn + " = ?")) {
            free.setObject(1, owner);
            free.executeUpdate();
        }
    }

    /**
     * Claims every seat for one owner in ascending order, taking over claims of holds that have
     * expired; six parameters ({@link #setClaim}).
     *
     * @param condition a {@code WHERE} clause on whether to claim at all, or ""
     */
    private String claimSql(String condition) {
        return "INSERT INTO seat_claims (event_id, seat, booking_id, hold_id, expires_at)"
                + " SELECT ?, seat, ?, ?, ? FROM unnest(?::integer[]) AS seat" + condition + " ORDER BY seat"
                + " ON CONFLICT (event_id, seat) DO UPDATE SET booking_id = excluded.booking_id,"
                + " hold_id = excluded.hold_id, expires_at = excluded.expires_at"
                + " WHERE seat_claims.hold_id IS NOT NULL AND seat_claims.expires_at <= " + time.sql();
    }

    /** The six parameters of {@link #claimSql}, from parameter {@code first} on. */
    private void setClaim(Connection c, PreparedStatement insert, int first, EventId eventId, SeatSelection seats,
            UUID bookingId, UUID holdId, Instant expiresAt, Instant now) throws SQLException {
        insert.setObject(first, eventId.value());
        insert.setObject(first + 1, bookingId);
        insert.setObject(first + 2, holdId);
        setInstant(insert, first + 3, expiresAt);
        insert.setArray(first + 4, intArray(c, seats.seats()));
        time.set(insert, first + 5, now);
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
}
