package org.boxoffice.store.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.boxoffice.domain.Booking;
import org.boxoffice.domain.BookingId;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.EventCancelledException;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Hold;
import org.boxoffice.domain.HoldId;
import org.boxoffice.domain.Notification;
import org.boxoffice.domain.SeatCounts;
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

    /**
     * SQL on whether the claim row {@code claim} (a table name or alias) no longer holds at {@code now} (SQL
     * for an instant): its hold expired, so any request may take the seat over. A booking's claim always
     * holds. What holds, and what the sweep deletes, are this and its negation, {@link #live}.
     */
    static String expired(String claim, String now) {
        return "(%1$s.hold_id IS NOT NULL AND %1$s.expires_at <= %2$s)".formatted(claim, now);
    }

    /** SQL on whether the claim row {@code claim} still holds at {@code now}: booked, or held and not expired. */
    static String live(String claim, String now) {
        return "NOT " + expired(claim, now);
    }

    /** SQL on whether the hold row {@code hold} is live at {@code now}: held, not released, confirmed or expired. */
    static String liveHold(String hold, String now) {
        return "(%1$s.status = 'held' AND %1$s.expires_at > %2$s)".formatted(hold, now);
    }

    /** SQL on whether the hold row {@code hold} was held until it expired at or before {@code now}. */
    static String expiredHold(String hold, String now) {
        return "(%1$s.status = 'held' AND %1$s.expires_at <= %2$s)".formatted(hold, now);
    }

    private final DatabaseTime time;
    /** Claims for a hold: {@link #claimSql} on its own. */
    private final NamedSql claimForHold;
    /** Claims for a booking, with its row and notification: see {@link #bookWithClaims}. */
    private final NamedSql bookWithClaims;
    private final NamedSql sweepExpired;
    private final NamedSql counts;

    SeatClaims(DatabaseTime time) {
        this.time = time;
        this.claimForHold = NamedSql.of(claimSql(""));
        this.bookWithClaims = NamedSql.of("""
                WITH open AS (SELECT id FROM events WHERE id = :event_id AND cancelled_at IS NULL FOR SHARE),
                claimed AS (%s RETURNING seat),
                noted AS (INSERT INTO outbox (%s) VALUES (%s))
                INSERT INTO bookings (%s) SELECT %s
                WHERE CASE WHEN NOT EXISTS (SELECT 1 FROM open) THEN refuse_cancelled_event()
                    WHEN (SELECT count(*) FROM claimed) = :seat_count THEN true ELSE refuse_booking() END"""
                .formatted(claimSql(" WHERE EXISTS (SELECT 1 FROM open)"), Rows.NOTIFICATION_COLUMNS,
                        Rows.NOTIFICATION_VALUES, Rows.BOOKING_COLUMNS, Rows.BOOKING_VALUES));
        this.sweepExpired = NamedSql.of("""
                WITH expired AS (DELETE FROM seat_claims WHERE %s RETURNING hold_id)
                SELECT count(DISTINCT hold_id) FROM expired""".formatted(expired("seat_claims", time.sql("now"))));
        this.counts = NamedSql.of("""
                SELECT e.total_seats,
                    count(s.seat) FILTER (WHERE s.booking_id IS NOT NULL) AS booked,
                    count(s.seat) FILTER (WHERE s.hold_id IS NOT NULL AND %s) AS held
                FROM events e LEFT JOIN seat_claims s ON s.event_id = e.id
                WHERE e.id = :event_id GROUP BY e.total_seats""".formatted(live("s", time.sql("now"))));
    }

    /**
     * Claims the hold's seats, or throws {@link SeatsUnavailableException} naming the seats others own
     * (the caller's transaction then rolls back, so nothing is claimed).
     */
    void claimForHold(Connection c, Hold hold) throws SQLException {
        int claimed;
        try (NamedSql.Statement insert = claimForHold.prepare(c)) {
            setClaim(insert, hold.eventId(), hold.seats(), null, hold.id().value(), hold.expiresAt(),
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
        try (NamedSql.Statement insert = bookWithClaims.prepare(c)) {
            setClaim(insert, booking.eventId(), booking.seats(), booking.id().value(), null, null,
                    booking.createdAt());
            Rows.setNotification(insert, notification);
            Rows.setBooking(insert, booking);
            insert.set("seat_count", booking.seats().size());
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

    private static final NamedSql CANCELLED = NamedSql.of("""
            SELECT cancelled_at IS NOT NULL FROM events WHERE id = :event_id FOR SHARE""");

    /**
     * Refuses work on a cancelled event, and holds a share lock on its row until the transaction ends, so
     * that a cancellation waits for this transaction and what it stores is cancelled with the rest.
     *
     * @throws EventCancelledException if the event was cancelled
     */
    void requireOnSale(Connection c, EventId eventId) throws SQLException {
        try (NamedSql.Statement select = CANCELLED.prepare(c).set("event_id", eventId.value());
                ResultSet row = select.executeQuery()) {
            if (row.next() && row.getBoolean(1)) {
                throw new EventCancelledException(eventId);
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
        try (NamedSql.Statement select = CANCELLED.prepare(c).set("event_id", eventId.value());
                ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw UnknownIdException.event(eventId);
            }
            return !row.getBoolean(1);
        }
    }

    private static final NamedSql TRANSFER = NamedSql.of("""
            UPDATE seat_claims SET booking_id = :booking_id, hold_id = NULL, expires_at = NULL
            WHERE hold_id = :hold_id AND %s""".formatted(live("seat_claims", ":now")));

    /** Hands a live hold's claims to the booking it is confirmed into; how many it handed over. */
    int transferToBooking(Connection c, Hold hold, Booking booking, Instant now) throws SQLException {
        try (NamedSql.Statement take = TRANSFER.prepare(c)) {
            return take.set("booking_id", booking.id().value()).set("hold_id", hold.id().value()).set("now", now)
                    .executeUpdate();
        }
    }

    private static final NamedSql FREE_BOOKING = NamedSql.of("""
            DELETE FROM seat_claims WHERE booking_id = :booking_id AND seat = ANY (:seats)""");

    /** Frees these seats of the booking. */
    void freeBooking(Connection c, BookingId id, SeatSelection seats) throws SQLException {
        try (NamedSql.Statement free = FREE_BOOKING.prepare(c)) {
            free.set("booking_id", id.value()).set("seats", seats.seats()).executeUpdate();
        }
    }

    private static final NamedSql FREE_EVENT = NamedSql.of("DELETE FROM seat_claims WHERE event_id = :event_id");

    /** Frees every seat of the event: it was cancelled. */
    void freeEvent(Connection c, EventId id) throws SQLException {
        try (NamedSql.Statement free = FREE_EVENT.prepare(c)) {
            free.set("event_id", id.value()).executeUpdate();
        }
    }

    private static final NamedSql FREE_HOLD = NamedSql.of("DELETE FROM seat_claims WHERE hold_id = :hold_id");

    /** Frees every seat the hold owns. */
    void freeHold(Connection c, HoldId id) throws SQLException {
        try (NamedSql.Statement free = FREE_HOLD.prepare(c)) {
            free.set("hold_id", id.value()).executeUpdate();
        }
    }

    /**
     * Makes best-available choices of one event take turns until the transaction ends: otherwise two
     * concurrent ones read the same free seats, choose the same best ones, and all but one lose the
     * claim. Requests that name their seats do not wait for it; the claim's primary key still decides.
     */
    void lockChoices(Connection c, EventId eventId) throws SQLException {
        Jdbc.lockUntilCommit(c, eventId.toString(), 1);
    }

    private static final NamedSql HELD_BY = NamedSql.of("""
            SELECT coalesce(sum(cardinality(seats)), 0) FROM holds
            WHERE event_id = :event_id AND customer = :customer AND %s""".formatted(liveHold("holds", ":now")));

    /**
     * Seats the customer's live holds of the event hold. Takes a lock on (event, customer) until the
     * transaction ends, so that two holds of one customer cannot both pass the limit.
     */
    int heldBy(Connection c, EventId eventId, String customer, Instant now) throws SQLException {
        Jdbc.lockUntilCommit(c, eventId + "/" + customer, 0);
        try (NamedSql.Statement count = HELD_BY.prepare(c)) {
            return count.set("event_id", eventId.value()).set("customer", customer).set("now", now).queryInt();
        }
    }

    /** A customer's booked seats of an event, read by index {@code bookings_confirmed_by_event_and_customer}. */
    static final NamedSql BOOKED_BY = NamedSql.of("""
            SELECT count(*) FROM seat_claims WHERE event_id = :event_id
            AND booking_id IN (SELECT id FROM bookings WHERE event_id = :event_id AND customer = :customer
                AND status = 'confirmed')""");

    /**
     * Seats of the event the customer's bookings hold (not those cancelled). Call after {@link #heldBy},
     * whose lock keeps the count until the transaction ends.
     */
    int bookedBy(Connection c, EventId eventId, String customer) throws SQLException {
        try (NamedSql.Statement count = BOOKED_BY.prepare(c)) {
            return count.set("event_id", eventId.value()).set("customer", customer).queryInt();
        }
    }

    /** The event's taken seats at {@code now}: bit {@code n} is seat {@code n}. */
    BitSet taken(Connection c, Event event, Instant now) throws SQLException {
        return takenAndHeld(c, event, now).taken();
    }

    /** An event's seats at one instant: bit {@code n} of {@code taken} set when seat {@code n} is booked or held. */
    record Claimed(BitSet taken, BitSet held) {
    }

    private static final NamedSql TAKEN = NamedSql.of("""
            SELECT seat, hold_id IS NOT NULL FROM seat_claims
            WHERE event_id = :event_id AND %s""".formatted(live("seat_claims", ":now")));

    /** The event's taken seats at {@code now}, and of those the ones live holds hold. */
    Claimed takenAndHeld(Connection c, Event event, Instant now) throws SQLException {
        BitSet taken = new BitSet(event.totalSeats() + 1);
        BitSet held = new BitSet(event.totalSeats() + 1);
        try (NamedSql.Statement select = TAKEN.prepare(c)) {
            select.set("event_id", event.id().value()).set("now", now).fetchSize(10_000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    taken.set(rows.getInt(1));
                    held.set(rows.getInt(1), rows.getBoolean(2));
                }
            }
        }
        return new Claimed(taken, held);
    }

    /** The event's seats booked and held at {@code now}; empty if there is no such event. */
    Optional<SeatCounts> counts(Connection c, EventId id, Instant now) throws SQLException {
        try (NamedSql.Statement select = counts.prepare(c).set("now", time.value(now)).set("event_id", id.value());
                ResultSet row = select.executeQuery()) {
            return row.next()
                    ? Optional.of(SeatCounts.of(row.getInt("total_seats"), row.getInt("booked"), row.getInt("held")))
                    : Optional.empty();
        }
    }

    /** Deletes the claims of holds that expired; how many holds they were. */
    int sweepExpired(Connection c, Instant now) throws SQLException {
        try (NamedSql.Statement sweep = sweepExpired.prepare(c)) {
            return sweep.set("now", time.value(now)).queryInt();
        }
    }

    /**
     * Claims every seat for one owner in ascending order, taking over claims of holds that have
     * expired; its parameters are set by {@link #setClaim}.
     *
     * @param condition a {@code WHERE} clause on whether to claim at all, or ""
     */
    private String claimSql(String condition) {
        return """
                INSERT INTO seat_claims (event_id, seat, booking_id, hold_id, expires_at)
                SELECT :event_id, seat, :claim_booking_id, :claim_hold_id, :claim_expires_at
                FROM unnest(:claim_seats::integer[]) AS seat%s ORDER BY seat
                ON CONFLICT (event_id, seat) DO UPDATE SET booking_id = excluded.booking_id,
                    hold_id = excluded.hold_id, expires_at = excluded.expires_at
                WHERE %s"""
                .formatted(condition, expired("seat_claims", time.sql("claim_now")));
    }

    /** The parameters of {@link #claimSql}. */
    private void setClaim(NamedSql.Statement insert, EventId eventId, SeatSelection seats, UUID bookingId,
            UUID holdId, Instant expiresAt, Instant now) throws SQLException {
        insert.set("event_id", eventId.value()).set("claim_booking_id", bookingId).set("claim_hold_id", holdId)
                .set("claim_expires_at", expiresAt).set("claim_seats", seats.seats())
                .set("claim_now", time.value(now));
    }

    private static final NamedSql IN_THE_WAY = NamedSql.of("""
            SELECT seat FROM seat_claims
            WHERE event_id = :event_id AND seat = ANY (:seats) AND coalesce(booking_id, hold_id) <> :owner
            ORDER BY seat""");

    /**
     * Throws {@link SeatsUnavailableException} naming the seats of {@code seats} that others own. If
     * none is owned any more (freed between the claim that failed and this read), it throws a
     * {@link RetryPolicy.Conflict} instead, so that the whole claim runs again.
     */
    private static void refuseTaken(Connection c, EventId eventId, SeatSelection seats, UUID owner)
            throws SQLException {
        List<Integer> unavailable = new ArrayList<>();
        try (NamedSql.Statement taken = IN_THE_WAY.prepare(c)) {
            taken.set("event_id", eventId.value()).set("seats", seats.seats()).set("owner", owner);
            try (ResultSet rows = taken.executeQuery()) {
                while (rows.next()) {
                    unavailable.add(rows.getInt(1));
                }
            }
        }
        if (unavailable.isEmpty()) {
            throw new RetryPolicy.Conflict(new IllegalStateException("the seats in the way were freed meanwhile"));
        }
        throw new SeatsUnavailableException(unavailable.stream().mapToInt(Integer::intValue).toArray());
    }
}
