package org.boxoffice.store.postgres;

import static org.boxoffice.store.postgres.Jdbc.getInstant;
import static org.boxoffice.store.postgres.Jdbc.getUuid;
import static org.boxoffice.store.postgres.Jdbc.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.boxoffice.domain.EntryId;
import org.boxoffice.domain.EntryStatus;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.HoldId;
import org.boxoffice.domain.WaitlistEntry;

/**
 * The rows of {@code waitlist}: entries of events' waiting lists, read with their position among the
 * waiting ones, and the conditional writes that move an entry from one status to the next.
 */
final class Waitlists {

    /**
     * The entries of {@code waitlist} as {@code listed}, each with its position: its place among its event's
     * waiting entries (0 once it no longer waits). For {@link KeysetPages} and lookups by id.
     */
    static final String POSITIONED = """
            (SELECT w.*, CASE WHEN w.status = 'waiting' THEN (SELECT count(*) FROM waitlist ahead
                 WHERE ahead.event_id = w.event_id AND ahead.status = 'waiting'
                   AND (ahead.created_at, ahead.id) <= (w.created_at, w.id)) ELSE 0 END AS position
             FROM waitlist w) AS listed""";

    private Waitlists() {
    }

    static void insert(Connection c, WaitlistEntry entry) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO waitlist (id, event_id, customer, quantity, created_at, status)
                VALUES (?, ?, ?, ?, ?, 'waiting')""")) {
            insert.setObject(1, entry.id().value());
            insert.setObject(2, entry.eventId().value());
            insert.setString(3, entry.customer());
            insert.setInt(4, entry.quantity());
            setInstant(insert, 5, entry.createdAt());
            insert.executeUpdate();
        }
    }

    /** The entry with its position now; {@code forUpdate} also locks its row until the transaction ends. */
    static Optional<WaitlistEntry> find(Connection c, EntryId id, boolean forUpdate) throws SQLException {
        String sql = forUpdate ? "SELECT *, 0 AS position FROM waitlist WHERE id = ? FOR UPDATE"
                : "SELECT * FROM " + POSITIONED + " WHERE id = ?";
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setObject(1, id.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(entry(row)) : Optional.empty();
            }
        }
    }

    /** The event's entry with this id, with its position now. */
    static WaitlistEntry positioned(Connection c, EntryId id) throws SQLException {
        return find(c, id, false).orElseThrow();
    }

    /** Whether anyone waits for seats of the event: one probe of an index, so a cancellation stays cheap. */
    static boolean anyWaiting(Connection c, EventId eventId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM waitlist WHERE event_id = ? AND status = 'waiting')")) {
            select.setObject(1, eventId.value());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    /** The event's waiting entries in the order they are served. */
    static List<WaitlistEntry> waiting(Connection c, EventId eventId) throws SQLException {
        return list(c, """
                SELECT *, 1 AS position FROM waitlist WHERE event_id = ? AND status = 'waiting'
                ORDER BY created_at, id""", eventId);
    }

    private static List<WaitlistEntry> list(Connection c, String sql, EventId eventId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setObject(1, eventId.value());
            List<WaitlistEntry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows));
                }
            }
            return entries;
        }
    }

    /**
     * Makes offer rounds of one event take turns until the transaction ends, on every instance: each reads
     * who waits and which seats are free, and places its holds, before the next reads again.
     */
    static void lockOffers(Connection c, EventId eventId) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 2))")) {
            lock.setString(1, eventId.toString());
            lock.execute();
        }
    }

    /** Marks a waiting entry offered its hold; false, changing nothing, if it no longer waits. */
    static boolean markOffered(Connection c, WaitlistEntry offered) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE waitlist SET status = 'offered', hold_id = ?, offer_expires_at = ?
                WHERE id = ? AND status = 'waiting'""")) {
            update.setObject(1, offered.holdId().value());
            setInstant(update, 2, offered.offerExpiresAt());
            update.setObject(3, offered.id().value());
            return update.executeUpdate() == 1;
        }
    }

    /** The entry whose offer this hold is becomes {@code status} (accepted, left), if the offer is live. */
    static void settleOffer(Connection c, HoldId holdId, EntryStatus status) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE waitlist SET status = ? WHERE hold_id = ? AND status = 'offered'")) {
            update.setString(1, status.wireName());
            update.setObject(2, holdId.value());
            update.executeUpdate();
        }
    }

    static void setStatus(Connection c, EntryId id, EntryStatus status) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE waitlist SET status = ? WHERE id = ?")) {
            update.setString(1, status.wireName());
            update.setObject(2, id.value());
            update.executeUpdate();
        }
    }

    /** The event's entries still waiting or offered seats, locked until the transaction ends. */
    static List<WaitlistEntry> live(Connection c, EventId eventId) throws SQLException {
        return list(c, """
                SELECT *, CASE WHEN status = 'waiting' THEN 1 ELSE 0 END AS position FROM waitlist
                WHERE event_id = ? AND status IN ('waiting', 'offered') FOR UPDATE""", eventId);
    }

    /** Marks these entries expired. */
    static void expire(Connection c, List<WaitlistEntry> expired) throws SQLException {
        if (expired.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE waitlist SET status = 'expired' WHERE id = ANY (?)")) {
            update.setArray(1, c.createArrayOf("uuid", expired.stream().map(entry -> entry.id().value()).toArray()));
            update.executeUpdate();
        }
    }

    /** Marks the event's offers that ran out by {@code now} expired. */
    static void expireLapsed(Connection c, EventId eventId, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE waitlist SET status = 'expired'
                WHERE event_id = ? AND status = 'offered' AND offer_expires_at <= ?""")) {
            update.setObject(1, eventId.value());
            setInstant(update, 2, now);
            update.executeUpdate();
        }
    }

    /** The events a sweep has work for: someone waits, or an offer ran out by {@code now}. */
    static List<EventId> eventsToSweep(Connection c, Instant now) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT DISTINCT event_id FROM waitlist WHERE status = 'waiting'
                UNION SELECT event_id FROM waitlist WHERE status = 'offered' AND offer_expires_at <= ?""")) {
            setInstant(select, 1, now);
            List<EventId> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new EventId(getUuid(rows, "event_id")));
                }
            }
            return events;
        }
    }

    static WaitlistEntry entry(ResultSet row) throws SQLException {
        UUID holdId = getUuid(row, "hold_id");
        EntryStatus status = EntryStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT));
        return new WaitlistEntry(new EntryId(getUuid(row, "id")), new EventId(getUuid(row, "event_id")),
                row.getString("customer"), row.getInt("quantity"), getInstant(row, "created_at"), status,
                holdId == null ? null : new HoldId(holdId), getInstant(row, "offer_expires_at"),
                status == EntryStatus.WAITING ? Math.max(1, row.getInt("position")) : 0);
    }
}
