package org.boxoffice.store.postgres;

import static org.boxoffice.store.postgres.Jdbc.getInstant;
import static org.boxoffice.store.postgres.Jdbc.getUuid;

import java.sql.Connection;
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

    /** The columns of a {@code waitlist} row that {@link #entry} reads, besides {@code position}. */
    static final String COLUMNS = "id, event_id, customer, quantity, created_at, status, hold_id, offer_expires_at";

    /**
     * The entries of {@code waitlist} as {@code listed}, each with its position: its place among its event's
     * waiting entries (0 once it no longer waits). For {@link KeysetPages} and lookups by id.
     */
    static final String POSITIONED = """
            (SELECT w.id, w.event_id, w.customer, w.quantity, w.created_at, w.status, w.hold_id, w.offer_expires_at,
                    CASE WHEN w.status = 'waiting' THEN (SELECT count(*) FROM waitlist ahead
                 WHERE ahead.event_id = w.event_id AND ahead.status = 'waiting'
                   AND (ahead.created_at, ahead.id) <= (w.created_at, w.id)) ELSE 0 END AS position
             FROM waitlist w) AS listed""";

    private Waitlists() {
    }

    private static final NamedSql INSERT = NamedSql.of("""
            INSERT INTO waitlist (id, event_id, customer, quantity, created_at, status)
            VALUES (:id, :event_id, :customer, :quantity, :created_at, 'waiting')""");

    static void insert(Connection c, WaitlistEntry entry) throws SQLException {
        try (NamedSql.Statement insert = INSERT.prepare(c)) {
            insert.set("id", entry.id().value()).set("event_id", entry.eventId().value())
                    .set("customer", entry.customer()).set("quantity", entry.quantity())
                    .set("created_at", entry.createdAt())
                    .executeUpdate();
        }
    }

    private static final NamedSql FIND_FOR_UPDATE = NamedSql.of("SELECT " + COLUMNS
            + ", 0 AS position FROM waitlist WHERE id = :id FOR UPDATE");
    private static final NamedSql FIND_POSITIONED = NamedSql.of("SELECT " + COLUMNS + ", position FROM "
            + POSITIONED + " WHERE id = :id");

    /** The entry with its position now; {@code forUpdate} also locks its row until the transaction ends. */
    static Optional<WaitlistEntry> find(Connection c, EntryId id, boolean forUpdate) throws SQLException {
        try (NamedSql.Statement select = (forUpdate ? FIND_FOR_UPDATE : FIND_POSITIONED).prepare(c)) {
            select.set("id", id.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(entry(row)) : Optional.empty();
            }
        }
    }

    /** The event's entry with this id, with its position now. */
    static WaitlistEntry positioned(Connection c, EntryId id) throws SQLException {
        return find(c, id, false).orElseThrow();
    }

    private static final NamedSql ANY_WAITING = NamedSql.of("""
            SELECT EXISTS (SELECT 1 FROM waitlist WHERE event_id = :event_id AND status = 'waiting')""");

    /** Whether anyone waits for seats of the event: one probe of an index, so a cancellation stays cheap. */
    static boolean anyWaiting(Connection c, EventId eventId) throws SQLException {
        try (NamedSql.Statement select = ANY_WAITING.prepare(c)) {
            select.set("event_id", eventId.value());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private static final NamedSql WAITING = NamedSql.of("SELECT " + COLUMNS + """
            , 1 AS position FROM waitlist WHERE event_id = :event_id AND status = 'waiting'
            ORDER BY created_at, id""");

    /** The event's waiting entries in the order they are served. */
    static List<WaitlistEntry> waiting(Connection c, EventId eventId) throws SQLException {
        return list(c, WAITING, eventId);
    }

    private static List<WaitlistEntry> list(Connection c, NamedSql sql, EventId eventId) throws SQLException {
        try (NamedSql.Statement select = sql.prepare(c)) {
            select.set("event_id", eventId.value());
            List<WaitlistEntry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows));
                }
            }
            return entries;
        }
    }

    private static final NamedSql LOCK_OFFERS = NamedSql.of("""
            SELECT pg_advisory_xact_lock(hashtextextended(:event_id, 2))""");

    /**
     * Makes offer rounds of one event take turns until the transaction ends, on every instance: each reads
     * who waits and which seats are free, and places its holds, before the next reads again.
     */
    static void lockOffers(Connection c, EventId eventId) throws SQLException {
        try (NamedSql.Statement lock = LOCK_OFFERS.prepare(c)) {
            lock.set("event_id", eventId.toString()).execute();
        }
    }

    private static final NamedSql MARK_OFFERED = NamedSql.of("""
            UPDATE waitlist SET status = 'offered', hold_id = :hold_id, offer_expires_at = :offer_expires_at
            WHERE id = :id AND status = 'waiting'""");

    /** Marks a waiting entry offered its hold; false, changing nothing, if it no longer waits. */
    static boolean markOffered(Connection c, WaitlistEntry offered) throws SQLException {
        try (NamedSql.Statement update = MARK_OFFERED.prepare(c)) {
            return update.set("hold_id", offered.holdId().value()).set("offer_expires_at", offered.offerExpiresAt())
                    .set("id", offered.id().value())
                    .executeUpdate() == 1;
        }
    }

    private static final NamedSql SETTLE_OFFER = NamedSql.of("""
            UPDATE waitlist SET status = :status WHERE hold_id = :hold_id AND status = 'offered'""");

    /** The entry whose offer this hold is becomes {@code status} (accepted, left), if the offer is live. */
    static void settleOffer(Connection c, HoldId holdId, EntryStatus status) throws SQLException {
        try (NamedSql.Statement update = SETTLE_OFFER.prepare(c)) {
            update.set("status", status.wireName()).set("hold_id", holdId.value()).executeUpdate();
        }
    }

    private static final NamedSql SET_STATUS = NamedSql.of("UPDATE waitlist SET status = :status WHERE id = :id");

    static void setStatus(Connection c, EntryId id, EntryStatus status) throws SQLException {
        try (NamedSql.Statement update = SET_STATUS.prepare(c)) {
            update.set("status", status.wireName()).set("id", id.value()).executeUpdate();
        }
    }

    private static final NamedSql LIVE = NamedSql.of("SELECT " + COLUMNS + """
            , CASE WHEN status = 'waiting' THEN 1 ELSE 0 END AS position FROM waitlist
            WHERE event_id = :event_id AND status IN ('waiting', 'offered') FOR UPDATE""");

    /** The event's entries still waiting or offered seats, locked until the transaction ends. */
    static List<WaitlistEntry> live(Connection c, EventId eventId) throws SQLException {
        return list(c, LIVE, eventId);
    }

    private static final NamedSql EXPIRE = NamedSql.of("UPDATE waitlist SET status = 'expired' WHERE id = ANY (:ids)");

    /** Marks these entries expired. */
    static void expire(Connection c, List<WaitlistEntry> expired) throws SQLException {
        if (expired.isEmpty()) {
            return;
        }
        try (NamedSql.Statement update = EXPIRE.prepare(c)) {
            update.set("ids", expired.stream().map(entry -> entry.id().value()).toArray(UUID[]::new)).executeUpdate();
        }
    }

    private static final NamedSql EXPIRE_LAPSED = NamedSql.of("""
            UPDATE waitlist SET status = 'expired'
            WHERE event_id = :event_id AND status = 'offered' AND offer_expires_at <= :now""");

    /** Marks the event's offers that ran out by {@code now} expired. */
    static void expireLapsed(Connection c, EventId eventId, Instant now) throws SQLException {
        try (NamedSql.Statement update = EXPIRE_LAPSED.prepare(c)) {
            update.set("event_id", eventId.value()).set("now", now).executeUpdate();
        }
    }

    private static final NamedSql EVENTS_TO_SWEEP = NamedSql.of("""
            SELECT DISTINCT event_id FROM waitlist WHERE status = 'waiting'
            UNION SELECT event_id FROM waitlist WHERE status = 'offered' AND offer_expires_at <= :now""");

    /** The events a sweep has work for: someone waits, or an offer ran out by {@code now}. */
    static List<EventId> eventsToSweep(Connection c, Instant now) throws SQLException {
        try (NamedSql.Statement select = EVENTS_TO_SWEEP.prepare(c)) {
            select.set("now", now);
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
