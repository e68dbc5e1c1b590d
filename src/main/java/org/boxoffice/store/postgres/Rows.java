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
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.boxoffice.domain.Booking;
import org.boxoffice.domain.BookingId;
import org.boxoffice.domain.BookingStatus;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Hold;
import org.boxoffice.domain.HoldId;
import org.boxoffice.domain.HoldStatus;
import org.boxoffice.domain.SeatSelection;

/**
 * The rows of {@code events}, {@code holds} and {@code bookings} and the domain objects they hold:
 * reading one by id, mapping a row to its object, and writing an object's columns.
 */
final class Rows {

    /** The columns of a booking row, in the order {@link #setBooking} sets them. */
    static final String BOOKING_COLUMNS = "id, event_id, seats, status, created_at, hold_id, cancelled_at, customer";

    private Rows() {
    }

    @FunctionalInterface
    interface Reader<T> {
        T read(ResultSet row) throws SQLException;
    }

    static void insertEvent(Connection c, Event event) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO events (id, name, venue, starts_at,"
                + " total_seats, created_at, organizer, layout) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
            insert.setObject(1, event.id().value());
            insert.setString(2, event.name());
            insert.setString(3, event.venue());
            setInstant(insert, 4, event.startsAt());
            insert.setInt(5, event.totalSeats());
            setInstant(insert, 6, event.createdAt());
            insert.setString(7, event.organizer());
            insert.setString(8, event.layout() == null ? null : LayoutJson.write(event.layout()));
            insert.executeUpdate();
        }
    }

    static Optional<Event> findEvent(Connection c, UUID id) throws SQLException {
        return findById(c, "SELECT * FROM events WHERE id = ?", id, Rows::event);
    }

    /** The booking; {@code forUpdate} locks its row until the transaction ends. */
    static Optional<Booking> findBooking(Connection c, BookingId id, boolean forUpdate) throws SQLException {
        return findById(c, "SELECT * FROM bookings WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""), id.value(),
                Rows::booking);
    }

    /** The hold; {@code forUpdate} locks its row until the transaction ends. */
    static Optional<Hold> findHold(Connection c, HoldId id, boolean forUpdate) throws SQLException {
        return findById(c, "SELECT * FROM holds WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""), id.value(),
                Rows::hold);
    }

    static void insertBooking(Connection c, Booking booking) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO bookings (" + BOOKING_COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            setBooking(c, insert, 1, booking);
            insert.executeUpdate();
        }
    }

    /** The eight {@link #BOOKING_COLUMNS} of a booking row, from parameter {@code first} on. */
    static void setBooking(Connection c, PreparedStatement insert, int first, Booking booking)
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

    static void insertHold(Connection c, Hold hold) throws SQLException {
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

    /** Writes a hold's new status: {@code released}, or {@code confirmed} into {@code bookingId}. */
    static void setHoldStatus(Connection c, HoldId id, HoldStatus status, BookingId bookingId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE holds SET status = ?, booking_id = ? WHERE id = ?")) {
            update.setString(1, status.wireName());
            update.setObject(2, bookingId == null ? null : bookingId.value());
            update.setObject(3, id.value());
            update.executeUpdate();
        }
    }

    static Event event(ResultSet row) throws SQLException {
        String layout = row.getString("layout");
        return new Event(new EventId(getUuid(row, "id")), row.getString("name"),
                row.getString("venue"), getInstant(row, "starts_at"), row.getInt("total_seats"),
                getInstant(row, "created_at"), row.getString("organizer"), layout == null ? null : LayoutJson.read(layout));
    }

    static Booking booking(ResultSet row) throws SQLException {
        UUID holdId = getUuid(row, "hold_id");
        return new Booking(new BookingId(getUuid(row, "id")), new EventId(getUuid(row, "event_id")),
                SeatSelection.ofAscending(getInts(row, "seats")),
                BookingStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)), getInstant(row, "created_at"),
                holdId == null ? null : new HoldId(holdId), getInstant(row, "cancelled_at"), row.getString("customer"));
    }

    static Hold hold(ResultSet row) throws SQLException {
        UUID bookingId = getUuid(row, "booking_id");
        return new Hold(new HoldId(getUuid(row, "id")), new EventId(getUuid(row, "event_id")),
                SeatSelection.ofAscending(getInts(row, "seats")), getInstant(row, "created_at"),
                getInstant(row, "expires_at"), HoldStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                bookingId == null ? null : new BookingId(bookingId), row.getString("customer"));
    }

    private static <T> Optional<T> findById(Connection c, String sql, UUID id, Reader<T> reader) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(reader.read(row)) : Optional.empty();
            }
        }
    }
}
