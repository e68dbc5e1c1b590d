package org.boxoffice.store.postgres;

import static org.boxoffice.store.postgres.Jdbc.getInstant;
import static org.boxoffice.store.postgres.Jdbc.getInts;
import static org.boxoffice.store.postgres.Jdbc.getLongs;
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

    static final String EVENT_COLUMNS = """
            id, name, venue, starts_at, total_seats, created_at, organizer, layout, pricing, refund_policy, \
            cancelled_at""";
    static final String HOLD_COLUMNS = """
            id, event_id, seats, created_at, expires_at, status, booking_id, customer, prices, currency""";
    /** The columns of a booking row, in the order of {@link #BOOKING_VALUES}. */
    static final String BOOKING_COLUMNS = """
            id, event_id, seats, status, created_at, hold_id, cancelled_at, customer, prices, currency, \
            payment_reference, refunds""";
    /** The parameters of {@link #BOOKING_COLUMNS}, set by {@link #setBooking}. */
    static final String BOOKING_VALUES = """
            :booking_id, :booking_event_id, :booking_seats, :booking_status, :booking_created_at, :booking_hold_id, \
            :booking_cancelled_at, :booking_customer, :booking_prices, :booking_currency, \
            :booking_payment_reference, :booking_refunds::jsonb""";
    /** The columns of an outbox row, in the order of {@link #NOTIFICATION_VALUES}. */
    static final String NOTIFICATION_COLUMNS = "id, type, event_id, organizer, subject, time, data";
    /** The parameters of {@link #NOTIFICATION_COLUMNS}, set by {@link #setNotification}. */
    static final String NOTIFICATION_VALUES = """
            :notification_id, :notification_type, :notification_event_id, :notification_organizer, \
            :notification_subject, :notification_time, :notification_data""";

    private Rows() {
    }

    @FunctionalInterface
    interface Reader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static final NamedSql INSERT_EVENT = NamedSql.of("""
            INSERT INTO events (id, name, venue, starts_at, total_seats, created_at, organizer, layout, pricing,
                refund_policy)
            VALUES (:id, :name, :venue, :starts_at, :total_seats, :created_at, :organizer, :layout::jsonb,
                :pricing::jsonb, :refund_policy::jsonb)""");

    static void insertEvent(Connection c, Event event) throws SQLException {
        try (NamedSql.Statement insert = INSERT_EVENT.prepare(c)) {
            insert.set("id", event.id().value()).set("name", event.name()).set("venue", event.venue())
                    .set("starts_at", event.startsAt()).set("total_seats", event.totalSeats())
                    .set("created_at", event.createdAt()).set("organizer", event.organizer())
                    .set("layout", StoredJson.layout(event.layout())).set("pricing", StoredJson.pricing(event.pricing()))
                    .set("refund_policy", StoredJson.refundPolicy(event.refundPolicy()))
                    .executeUpdate();
        }
    }

    private static final NamedSql FIND_EVENT = NamedSql.of(
            "SELECT " + EVENT_COLUMNS + " FROM events WHERE id = :id");
    private static final NamedSql FIND_EVENT_FOR_UPDATE = NamedSql.of(FIND_EVENT + " FOR UPDATE");

    static Optional<Event> findEvent(Connection c, UUID id) throws SQLException {
        return findEvent(c, id, false);
    }

    /** The event; {@code forUpdate} locks its row until the transaction ends. */
    static Optional<Event> findEvent(Connection c, UUID id, boolean forUpdate) throws SQLException {
        return findById(c, forUpdate ? FIND_EVENT_FOR_UPDATE : FIND_EVENT, id, Rows::event);
    }

    private static final NamedSql SET_CANCELLED = NamedSql.of("UPDATE events SET cancelled_at = :at WHERE id = :id");

    static void setCancelled(Connection c, EventId id, Instant at) throws SQLException {
        try (NamedSql.Statement update = SET_CANCELLED.prepare(c)) {
            update.set("at", at).set("id", id.value()).executeUpdate();
        }
    }

    private static final NamedSql LIVE_HOLDS = NamedSql.of("""
            SELECT %s FROM holds
            WHERE event_id = :event_id AND %s
            FOR UPDATE""".formatted(HOLD_COLUMNS, SeatClaims.liveHold("holds", ":at")));
    private static final NamedSql SET_HOLDS_RELEASED = NamedSql.of("""
            UPDATE holds SET status = 'released' WHERE id = ANY (:ids)""");

    /**
     * The event's holds live at {@code at}, locked until the transaction ends. Their claims go with the
     * event's when it is cancelled.
     */
    static List<Hold> liveHolds(Connection c, EventId id, Instant at) throws SQLException {
        try (NamedSql.Statement select = LIVE_HOLDS.prepare(c)) {
            return read(select.set("event_id", id.value()).set("at", at), Rows::hold);
        }
    }

    /** Marks these holds released. */
    static void setHoldsReleased(Connection c, List<Hold> released) throws SQLException {
        if (released.isEmpty()) {
            return;
        }
        try (NamedSql.Statement update = SET_HOLDS_RELEASED.prepare(c)) {
            update.set("ids", released.stream().map(hold -> hold.id().value()).toArray(java.util.UUID[]::new))
                    .executeUpdate();
        }
    }

    private static final NamedSql TAKE_EXPIRED = NamedSql.of("""
            UPDATE holds SET expiry_notified = true
            WHERE %s AND NOT expiry_notified
            RETURNING %s""".formatted(SeatClaims.expiredHold("holds", ":now"), HOLD_COLUMNS));

    /**
     * Marks the holds that expired by {@code now} and were not yet told of as told of; those holds. A
     * hold's row stays {@code held}: expiry is a matter of time, not a stored status.
     */
    static List<Hold> takeExpired(Connection c, Instant now) throws SQLException {
        try (NamedSql.Statement update = TAKE_EXPIRED.prepare(c)) {
            return read(update.set("now", now), Rows::hold);
        }
    }

    private static final NamedSql INSERT_NOTIFICATION = NamedSql.of(
            "INSERT INTO outbox (" + NOTIFICATION_COLUMNS + ") VALUES (" + NOTIFICATION_VALUES + ")");

    /** Writes a notification to the outbox, in the caller's transaction or statement. */
    static void insertNotification(Connection c, Notification notification) throws SQLException {
        try (NamedSql.Statement insert = INSERT_NOTIFICATION.prepare(c)) {
            setNotification(insert, notification);
            insert.executeUpdate();
        }
    }

    /** The {@link #NOTIFICATION_VALUES} of a notification. */
    static void setNotification(NamedSql.Statement statement, Notification notification) throws SQLException {
        statement.set("notification_id", notification.id().value())
                .set("notification_type", notification.type().wireName())
                .set("notification_event_id", notification.eventId().value())
                .set("notification_organizer", notification.organizer())
                .set("notification_subject", notification.subject())
                .set("notification_time", notification.time())
                .set("notification_data", notification.data());
    }

    /** An outbox row read from columns named with {@code prefix}, as when joined with other tables. */
    static Notification notification(ResultSet row, String prefix) throws SQLException {
        return Notification.restore(new NotificationId(getUuid(row, prefix + "id")),
                NotificationType.ofWireName(row.getString(prefix + "type")).orElseThrow(),
                new EventId(getUuid(row, prefix + "event_id")), row.getString(prefix + "organizer"),
                row.getString(prefix + "subject"), getInstant(row, prefix + "time"), row.getString(prefix + "data"));
    }

    private static <T> List<T> read(NamedSql.Statement statement, Reader<T> reader) throws SQLException {
        List<T> read = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                read.add(reader.read(rows));
            }
        }
        return read;
    }

    private static final NamedSql LIVE_BOOKINGS = NamedSql.of("SELECT " + BOOKING_COLUMNS
            + " FROM bookings WHERE event_id = :event_id AND status = 'confirmed' ORDER BY id FOR UPDATE");

    /** The event's bookings with live seats, locked until the transaction ends. */
    static List<Booking> liveBookings(Connection c, EventId id) throws SQLException {
        return list(c, LIVE_BOOKINGS, id);
    }

    private static List<Booking> list(Connection c, NamedSql sql, EventId id) throws SQLException {
        try (NamedSql.Statement select = sql.prepare(c)) {
            return read(select.set("event_id", id.value()).fetchSize(1_000), Rows::booking);
        }
    }

    private static final NamedSql FIND_BOOKING = NamedSql.of(
            "SELECT " + BOOKING_COLUMNS + " FROM bookings WHERE id = :id");
    private static final NamedSql FIND_BOOKING_FOR_UPDATE = NamedSql.of(FIND_BOOKING + " FOR UPDATE");

    /** The booking; {@code forUpdate} locks its row until the transaction ends. */
    static Optional<Booking> findBooking(Connection c, BookingId id, boolean forUpdate) throws SQLException {
        return findById(c, forUpdate ? FIND_BOOKING_FOR_UPDATE : FIND_BOOKING, id.value(), Rows::booking);
    }

    private static final NamedSql FIND_HOLD = NamedSql.of("SELECT " + HOLD_COLUMNS + " FROM holds WHERE id = :id");
    private static final NamedSql FIND_HOLD_FOR_UPDATE = NamedSql.of(FIND_HOLD + " FOR UPDATE");

    /** The hold; {@code forUpdate} locks its row until the transaction ends. */
    static Optional<Hold> findHold(Connection c, HoldId id, boolean forUpdate) throws SQLException {
        return findById(c, forUpdate ? FIND_HOLD_FOR_UPDATE : FIND_HOLD, id.value(), Rows::hold);
    }

    private static final NamedSql INSERT_BOOKING = NamedSql.of(
            "INSERT INTO bookings (" + BOOKING_COLUMNS + ") VALUES (" + BOOKING_VALUES + ")");

    static void insertBooking(Connection c, Booking booking) throws SQLException {
        try (NamedSql.Statement insert = INSERT_BOOKING.prepare(c)) {
            setBooking(insert, booking);
            insert.executeUpdate();
        }
    }

    /** The {@link #BOOKING_VALUES} of a booking. */
    static void setBooking(NamedSql.Statement insert, Booking booking) throws SQLException {
        insert.set("booking_id", booking.id().value())
                .set("booking_event_id", booking.eventId().value())
                .set("booking_seats", booking.seats().seats())
                .set("booking_status", booking.status().wireName())
                .set("booking_created_at", booking.createdAt())
                .set("booking_hold_id", booking.holdId() == null ? null : booking.holdId().value())
                .set("booking_cancelled_at", booking.cancelledAt())
                .set("booking_customer", booking.customer())
                .set("booking_prices", prices(booking.prices()))
                .set("booking_currency", booking.prices().currency())
                .set("booking_payment_reference", booking.paymentReference())
                .set("booking_refunds", StoredJson.refunds(booking.refunds()));
    }

    private static final NamedSql UPDATE_CANCELLED = NamedSql.of("""
            UPDATE bookings SET status = :status, cancelled_at = :cancelled_at, refunds = :refunds::jsonb
            WHERE id = :id""");

    /** Writes what a cancellation changed: the status, the time the last seat went, and the refunds. */
    static void updateCancelled(Connection c, Booking booking) throws SQLException {
        try (NamedSql.Statement update = UPDATE_CANCELLED.prepare(c)) {
            update.set("status", booking.status().wireName()).set("cancelled_at", booking.cancelledAt())
                    .set("refunds", StoredJson.refunds(booking.refunds())).set("id", booking.id().value())
                    .executeUpdate();
        }
    }

    /** The stored prices: null for a free event. */
    private static long[] prices(SeatPrices prices) {
        return prices.isFree() ? null : prices.amounts();
    }

    private static SeatPrices prices(ResultSet row, int seats) throws SQLException {
        long[] amounts = getLongs(row, "prices");
        return amounts == null ? SeatPrices.free(seats) : SeatPrices.restore(row.getString("currency"), amounts);
    }

    private static final NamedSql INSERT_HOLD = NamedSql.of("""
            INSERT INTO holds (id, event_id, seats, created_at, expires_at, status, customer, prices, currency)
            VALUES (:id, :event_id, :seats, :created_at, :expires_at, 'held', :customer, :prices, :currency)""");

    static void insertHold(Connection c, Hold hold) throws SQLException {
        try (NamedSql.Statement insert = INSERT_HOLD.prepare(c)) {
            insert.set("id", hold.id().value()).set("event_id", hold.eventId().value())
                    .set("seats", hold.seats().seats()).set("created_at", hold.createdAt())
                    .set("expires_at", hold.expiresAt()).set("customer", hold.customer())
                    .set("prices", prices(hold.prices())).set("currency", hold.prices().currency())
                    .executeUpdate();
        }
    }

    private static final NamedSql SET_HOLD_STATUS = NamedSql.of(
            "UPDATE holds SET status = :status, booking_id = :booking_id WHERE id = :id");

    /** Writes a hold's new status: {@code released}, or {@code confirmed} into {@code bookingId}. */
    static void setHoldStatus(Connection c, HoldId id, HoldStatus status, BookingId bookingId) throws SQLException {
        try (NamedSql.Statement update = SET_HOLD_STATUS.prepare(c)) {
            update.set("status", status.wireName()).set("booking_id", bookingId == null ? null : bookingId.value())
                    .set("id", id.value()).executeUpdate();
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

    private static <T> Optional<T> findById(Connection c, NamedSql sql, UUID id, Reader<T> reader)
            throws SQLException {
        try (NamedSql.Statement select = sql.prepare(c).set("id", id);
                ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(reader.read(row)) : Optional.empty();
        }
    }

    /** Makes one organizer's new events take turns until the transaction ends, for {@link #upcomingEvents}. */
    static void lockOrganizer(Connection c, String organizer) throws SQLException {
        Jdbc.lockUntilCommit(c, organizer, 2);
    }

    /** An organizer's upcoming events, not cancelled: what index {@code events_upcoming_by_organizer} holds. */
    static final NamedSql UPCOMING_EVENTS = NamedSql.of("""
            SELECT count(*) FROM events WHERE organizer = :organizer AND starts_at > :now AND cancelled_at IS NULL""");

    /** How many of the organizer's events start after {@code now} and are not cancelled. */
    static long upcomingEvents(Connection c, String organizer, Instant now) throws SQLException {
        try (NamedSql.Statement count = UPCOMING_EVENTS.prepare(c).set("organizer", organizer).set("now", now);
                ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
