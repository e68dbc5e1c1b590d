package org.boxoffice.store.postgres;

import static org.boxoffice.store.postgres.Jdbc.getInstant;
import static org.boxoffice.store.postgres.Jdbc.getInts;
import static org.boxoffice.store.postgres.Jdbc.getLongs;
import static org.boxoffice.store.postgres.Jdbc.getUuid;
import static org.boxoffice.store.postgres.Jdbc.intArray;
import static org.boxoffice.store.postgres.Jdbc.longArray;
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
import org.boxoffice.domain.Booking;
import org.boxoffice.domain.BookingId;
import org.boxoffice.domain.BookingStatus;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Hold;
import org.boxoffice.domain.HoldId;
import org.boxoffice.domain.HoldStatus;
import org.boxoffice.domain.Notification;
import org.boxoffice.domain.NotificationId;
import org.boxoffice.domain.NotificationType;
import org.boxoffice.domain.SeatPrices;
import org.boxoffice.domain.SeatSelection;

/**
 * The rows of {@code events}, {@code holds} and {@code bookings} and the domain objects they hold:
 * reading one by id, mapping a row to its object, and writing an object's columns.
 */
final class Rows {

    /** The columns of a booking row, in the order {@link #setBooking} sets them. */
    static final String BOOKING_COLUMNS = "id, event_id, seats, status, created_at, hold_id, cancelled_at, customer,"
            + " prices, currency, payment_reference, refunds";
    /** The parameters of {@link #BOOKING_COLUMNS}. */
    static final String BOOKING_VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb";
    static final int BOOKING_COLUMN_COUNT = 12;

    private Rows() {
    }

    @FunctionalInterface
    interface Reader<T> {
        T read(ResultSet row) throws SQLException;
    }

    static void insertEvent(Connection c, Event event) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO events (id, name, venue, starts_at,"
                + " total_seats, created_at, organizer, layout, pricing, refund_policy)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb)")) {
            insert.setObject(1, event.id().value());
            insert.setString(2, event.name());
            insert.setString(3, event.venue());
            setInstant(insert, 4, event.startsAt());
            insert.setInt(5, event.totalSeats());
            setInstant(insert, 6, event.createdAt());
            insert.setString(7, event.organizer());
            insert.setString(8, StoredJson.layout(event.layout()));
            insert.setString(9, StoredJson.pricing(event.pricing()));
            insert.setString(10, StoredJson.refundPolicy(event.refundPolicy()));
            insert.executeUpdate();
        }
    }

    static Optional<Event> findEvent(Connection c, UUID id) throws SQLException {
        return findEvent(c, id, false);
    }

    /** The event; {@code forUpdate} locks its row until the transaction ends. */
    static Optional<Event> findEvent(Connection c, UUID id, boolean forUpdate) throws SQLException {
        return findById(c, "SELECT * FROM events WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""), id, Rows::event);
    }

    static void setCancelled(Connection c, EventId id, Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE events SET cancelled_at = ? WHERE id = ?")) {
            setInstant(update, 1, at);
            update.setObject(2, id.value());
            update.executeUpdate();
        }
    }

    /**
     * The event's holds live at {@code at}, locked until the transaction ends. Their claims go with the
     * event's when it is cancelled.
     */
    static List<Hold> liveHolds(Connection c, EventId id, Instant at) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT * FROM holds"
                + " WHERE event_id = ? AND status = 'held' AND expires_at > ? FOR UPDATE")) {
            select.setObject(1, id.value());
            setInstant(select, 2, at);
            return read(select, Rows::hold);
        }
    }

    /** Marks these holds released. */
    static void setHoldsReleased(Connection c, List<Hold> released) throws SQLException {
        if (released.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE holds SET status = 'released' WHERE id = ANY (?)")) {
            update.setArray(1, c.createArrayOf("uuid", released.stream().map(hold -> hold.id().value()).toArray()));
            update.executeUpdate();
        }
    }

    /**
     * Marks the holds that expired by {@code now} and were not yet told of as told of; those holds. A
     * hold's row stays {@code held}: expiry is a matter of time, not a stored status.
     */
    static List<Hold> takeExpired(Connection c, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE holds SET expiry_notified = true"
                + " WHERE status = 'held' AND expires_at <= ? AND NOT expiry_notified RETURNING *")) {
            setInstant(update, 1, now);
            return read(update, Rows::hold);
        }
    }

    /** Writes a notification to the outbox, in the caller's transaction or statement. */
    static void insertNotification(Connection c, Notification notification) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO outbox"
                + " (id, type, event_id, organizer, subject, time, data) VALUES (" + NOTIFICATION_VALUES + ")")) {
            setNotification(insert, 1, notification);
            insert.executeUpdate();
        }
    }

    /** The parameters of an outbox row. */
    static final String NOTIFICATION_VALUES = "?, ?, ?, ?, ?, ?, ?";
    static final int NOTIFICATION_COLUMN_COUNT = 7;

    /** The {@link #NOTIFICATION_VALUES} of a notification, from parameter {@code first} on. */
    static void setNotification(PreparedStatement statement, int first, Notification notification)
            throws SQLException {
        statement.setObject(first, notification.id().value());
        statement.setString(first + 1, notification.type().wireName());
        statement.setObject(first + 2, notification.eventId().value());
        statement.setString(first + 3, notification.organizer());
        statement.setString(first + 4, notification.subject());
        setInstant(statement, first + 5, notification.time());
        statement.setString(first + 6, notification.data());
    }

    /** An outbox row read from columns named with {@code prefix}, as when joined with other tables. */
    static Notification notification(ResultSet row, String prefix) throws SQLException {
        return Notification.restore(new NotificationId(getUuid(row, prefix + "id")),
                NotificationType.ofWireName(row.getString(prefix + "type")).orElseThrow(),
                new EventId(getUuid(row, prefix + "event_id")), row.getString(prefix + "organizer"),
                row.getString(prefix + "subject"), getInstant(row, prefix + "time"), row.getString(prefix + "data"));
    }

    private static <T> List<T> read(PreparedStatement statement, Reader<T> reader) throws SQLException {
        List<T> read = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                read.add(reader.read(rows));
            }
        }
        return read;
    }

    /** The event's bookings with live seats, locked until the transaction ends. */
    static List<Booking> liveBookings(Connection c, EventId id) throws SQLException {
        return list(c, "SELECT * FROM bookings WHERE event_id = ? AND status = 'confirmed' ORDER BY id FOR UPDATE", id);
    }

    /** All the event's bookings, cancelled ones included. */
    static List<Booking> bookingsOf(Connection c, EventId id) throws SQLException {
        return list(c, "SELECT * FROM bookings WHERE event_id = ? ORDER BY id", id);
    }

    private static List<Booking> list(Connection c, String sql, EventId id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setObject(1, id.value());
            select.setFetchSize(1_000);
            return read(select, Rows::booking);
        }
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
                + " VALUES (" + BOOKING_VALUES + ")")) {
            setBooking(c, insert, 1, booking);
            insert.executeUpdate();
        }
    }

    /** The {@link #BOOKING_COLUMNS} of a booking row, from parameter {@code first} on. */
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
        setPrices(c, insert, first + 8, booking.prices());
        insert.setString(first + 10, booking.paymentReference());
        insert.setString(first + 11, StoredJson.refunds(booking.refunds()));
    }

    /** Writes what a cancellation changed: the status, the time the last seat went, and the refunds. */
    static void updateCancelled(Connection c, Booking booking) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE bookings SET status = ?, cancelled_at = ?,"
                + " refunds = ?::jsonb WHERE id = ?")) {
            update.setString(1, booking.status().wireName());
            setInstant(update, 2, booking.cancelledAt());
            update.setString(3, StoredJson.refunds(booking.refunds()));
            update.setObject(4, booking.id().value());
            update.executeUpdate();
        }
    }

    /** Two parameters: the prices (null for a free event) and the currency. */
    private static void setPrices(Connection c, PreparedStatement statement, int first, SeatPrices prices)
            throws SQLException {
        statement.setArray(first, prices.isFree() ? null : longArray(c, prices.amounts()));
        statement.setString(first + 1, prices.currency());
    }

    private static SeatPrices prices(ResultSet row, int seats) throws SQLException {
        long[] amounts = getLongs(row, "prices");
        return amounts == null ? SeatPrices.free(seats) : SeatPrices.restore(row.getString("currency"), amounts);
    }

    static void insertHold(Connection c, Hold hold) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO holds (id, event_id, seats, created_at,"
                + " expires_at, status, customer, prices, currency) VALUES (?, ?, ?, ?, ?, 'held', ?, ?, ?)")) {
            insert.setObject(1, hold.id().value());
            insert.setObject(2, hold.eventId().value());
            insert.setArray(3, intArray(c, hold.seats().seats()));
            setInstant(insert, 4, hold.createdAt());
            setInstant(insert, 5, hold.expiresAt());
            insert.setString(6, hold.customer());
            setPrices(c, insert, 7, hold.prices());
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
        return new Event(new EventId(getUuid(row, "id")), row.getString("name"),
                row.getString("venue"), getInstant(row, "starts_at"), row.getInt("total_seats"),
                getInstant(row, "created_at"), row.getString("organizer"), StoredJson.layout(row.getString("layout")),
                StoredJson.pricing(row.getString("pricing")), StoredJson.refundPolicy(row.getString("refund_policy")),
                getInstant(row, "cancelled_at"));
    }

    static Booking booking(ResultSet row) throws SQLException {
        UUID holdId = getUuid(row, "hold_id");
        SeatSelection seats = SeatSelection.ofAscending(getInts(row, "seats"));
        return new Booking(new BookingId(getUuid(row, "id")), new EventId(getUuid(row, "event_id")), seats,
                BookingStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)), getInstant(row, "created_at"),
                holdId == null ? null : new HoldId(holdId), getInstant(row, "cancelled_at"), row.getString("customer"),
                prices(row, seats.size()), StoredJson.refunds(row.getString("refunds"), row.getString("currency")),
                row.getString("payment_reference"));
    }

    static Hold hold(ResultSet row) throws SQLException {
        UUID bookingId = getUuid(row, "booking_id");
        SeatSelection seats = SeatSelection.ofAscending(getInts(row, "seats"));
        return new Hold(new HoldId(getUuid(row, "id")), new EventId(getUuid(row, "event_id")), seats,
                getInstant(row, "created_at"), getInstant(row, "expires_at"),
                HoldStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                bookingId == null ? null : new BookingId(bookingId), row.getString("customer"),
                prices(row, seats.size()));
    }

    private static <T> Optional<T> findById(Connection c, String sql, UUID id, Reader<T> reader) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(reader.read(row)) : Optional.empty();
            }
        }
    }

    /** Makes one organizer's new events take turns until the transaction ends, for {@link #upcomingEvents}. */
    static void lockOrganizer(Connection c, String organizer) throws SQLException {
        Jdbc.lockUntilCommit(c, organizer, 2);
    }

    /** An organizer's upcoming events, not cancelled: what index {@code events_upcoming_by_organizer} holds. */
    static final String UPCOMING_EVENTS = "SELECT count(*) FROM events WHERE organizer = ?"
            + " AND starts_at > ? AND cancelled_at IS NULL";

    /** How many of the organizer's events start after {@code now} and are not cancelled. */
    static long upcomingEvents(Connection c, String organizer, Instant now) throws SQLException {
        try (PreparedStatement count = c.prepareStatement(UPCOMING_EVENTS)) {
            count.setString(1, organizer);
            setInstant(count, 2, now);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
