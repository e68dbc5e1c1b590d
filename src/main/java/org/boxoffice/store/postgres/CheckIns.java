package org.boxoffice.store.postgres;

import static org.boxoffice.store.postgres.Jdbc.getInstant;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.BitSet;
import java.util.Optional;
import org.boxoffice.domain.CheckIn;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.Ticket;

/**
 * The rows of {@code checkins}: where each scanned ticket stands. The primary key is the ticket, and a scan
 * is one conditional write (checked-out or new to checked-in; checked-in to checked-out), so a ticket is
 * checked in once per entry however many instances scan it at once: a second scan finds no row to change.
 */
final class CheckIns {

    private CheckIns() {
    }

    private static final NamedSql LOCK_LIVE_SEAT = NamedSql.of("""
            SELECT 1 FROM seat_claims WHERE event_id = :event_id AND seat = :seat AND booking_id = :booking_id
            FOR SHARE""");

    /**
     * Whether the ticket's seat is still its booking's, locking the seat's claim until the transaction ends,
     * so that a cancellation of the seat waits for this check-in (or this one sees it cancelled).
     */
    static boolean lockLiveSeat(Connection c, Ticket ticket) throws SQLException {
        try (NamedSql.Statement select = LOCK_LIVE_SEAT.prepare(c)) {
            select.set("event_id", ticket.eventId().value()).set("seat", ticket.seat())
                    .set("booking_id", ticket.bookingId().value());
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private static final NamedSql ENTER = NamedSql.of("""
            INSERT INTO checkins (ticket_id, event_id, booking_id, seat, status, at, gate)
            VALUES (:ticket_id, :event_id, :booking_id, :seat, 'checked-in', :at, :gate)
            ON CONFLICT (ticket_id) DO UPDATE SET status = 'checked-in', at = excluded.at, gate = excluded.gate
            WHERE checkins.status = 'checked-out'""");

    /** Checks the ticket in, unless it is inside already: then false, changing nothing. */
    static boolean enter(Connection c, Ticket ticket, Instant at, String gate) throws SQLException {
        try (NamedSql.Statement upsert = ENTER.prepare(c)) {
            return upsert.set("ticket_id", ticket.id().value()).set("event_id", ticket.eventId().value())
                    .set("booking_id", ticket.bookingId().value()).set("seat", ticket.seat())
                    .set("at", at).set("gate", gate)
                    .executeUpdate() == 1;
        }
    }

    private static final NamedSql EXIT = NamedSql.of("""
            UPDATE checkins SET status = 'checked-out', at = :at, gate = :gate
            WHERE ticket_id = :ticket_id AND status = 'checked-in'""");

    /** Checks the ticket out, if it is inside: otherwise false, changing nothing. */
    static boolean exit(Connection c, Ticket ticket, Instant at, String gate) throws SQLException {
        try (NamedSql.Statement update = EXIT.prepare(c)) {
            return update.set("at", at).set("gate", gate).set("ticket_id", ticket.id().value())
                    .executeUpdate() == 1;
        }
    }

    private static final NamedSql FIND = NamedSql.of("""
            SELECT status, at, gate FROM checkins WHERE ticket_id = :ticket_id""");

    /** Where the ticket stands, if it was ever scanned. */
    static Optional<CheckIn> find(Connection c, Ticket ticket) throws SQLException {
        try (NamedSql.Statement select = FIND.prepare(c)) {
            select.set("ticket_id", ticket.id().value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new CheckIn(ticket, CheckIn.Status.ofWireName(row.getString("status")),
                        getInstant(row, "at"), row.getString("gate"))) : Optional.empty();
            }
        }
    }

    private static final NamedSql INSIDE = NamedSql.of("""
            SELECT seat FROM checkins WHERE event_id = :event_id AND status = 'checked-in'""");

    /** The event's seats whose tickets are inside: bit {@code n} is seat {@code n}. */
    static BitSet inside(Connection c, Event event) throws SQLException {
        BitSet inside = new BitSet(event.totalSeats() + 1);
        try (NamedSql.Statement select = INSIDE.prepare(c)) {
            select.set("event_id", event.id().value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    inside.set(rows.getInt(1));
                }
            }
        }
        return inside;
    }
}
