package org.boxoffice.store.postgres;

import static org.boxoffice.store.postgres.Jdbc.getInstant;
import static org.boxoffice.store.postgres.Jdbc.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
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

    /**
     * Whether the ticket's seat is still its booking's, locking the seat's claim until the transaction ends,
     * so that a cancellation of the seat waits for this check-in (or this one sees it cancelled).
     */
    static boolean lockLiveSeat(Connection c, Ticket ticket) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT 1 FROM seat_claims WHERE event_id = ? AND seat = ? AND booking_id = ? FOR SHARE""")) {
            select.setObject(1, ticket.eventId().value());
            select.setInt(2, ticket.seat());
            select.setObject(3, ticket.bookingId().value());
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Checks the ticket in, unless it is inside already: then false, changing nothing. */
    static boolean enter(Connection c, Ticket ticket, Instant at, String gate) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO checkins (ticket_id, event_id, booking_id, seat, status, at, gate)
                VALUES (?, ?, ?, ?, 'checked-in', ?, ?)
                ON CONFLICT (ticket_id) DO UPDATE SET status = 'checked-in', at = excluded.at, gate = excluded.gate
                WHERE checkins.status = 'checked-out'""")) {
            upsert.setObject(1, ticket.id().value());
            upsert.setObject(2, ticket.eventId().value());
            upsert.setObject(3, ticket.bookingId().value());
            upsert.setInt(4, ticket.seat());
            setInstant(upsert, 5, at);
            upsert.setString(6, gate);
            return upsert.executeUpdate() == 1;
        }
    }

    /** Checks the ticket out, if it is inside: otherwise false, changing nothing. */
    static boolean exit(Connection c, Ticket ticket, Instant at, String gate) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE checkins SET status = 'checked-out', at = ?, gate = ?
                WHERE ticket_id = ? AND status = 'checked-in'""")) {
            setInstant(update, 1, at);
            update.setString(2, gate);
            update.setObject(3, ticket.id().value());
            return update.executeUpdate() == 1;
        }
    }

    /** Where the ticket stands, if it was ever scanned. */
    static Optional<CheckIn> find(Connection c, Ticket ticket) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT status, at, gate FROM checkins WHERE ticket_id = ?")) {
            select.setObject(1, ticket.id().value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new CheckIn(ticket, CheckIn.Status.ofWireName(row.getString("status")),
                        getInstant(row, "at"), row.getString("gate"))) : Optional.empty();
            }
        }
    }

    /** The event's seats whose tickets are inside: bit {@code n} is seat {@code n}. */
    static BitSet inside(Connection c, Event event) throws SQLException {
        BitSet inside = new BitSet(event.totalSeats() + 1);
        try (PreparedStatement select = c.prepareStatement(
                "SELECT seat FROM checkins WHERE event_id = ? AND status = 'checked-in'")) {
            select.setObject(1, event.id().value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    inside.set(rows.getInt(1));
                }
            }
        }
        return inside;
    }
}
