package org.boxoffice.store.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.BitSet;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.SalesReport;

/**
 * An event's sales report with its bookings summed by PostgreSQL, which sends the sums instead of every
 * booking: what each seat took in, and what the refunds gave back, read from {@code booking_refunds}.
 */
final class SalesSums {

    private static final NamedSql TOTALS = NamedSql.of("""
            SELECT count(*),
                   (SELECT coalesce(sum(r.amount), 0) FROM booking_refunds r
                      JOIN bookings rb ON rb.id = r.booking_id WHERE rb.event_id = :event_id)
              FROM bookings WHERE event_id = :event_id""");
    private static final NamedSql BY_SEAT = NamedSql.of("""
            SELECT s.seat, sum(s.price)
              FROM bookings b, unnest(b.seats, b.prices) AS s (seat, price)
             WHERE b.event_id = :event_id AND b.prices IS NOT NULL
             GROUP BY s.seat""");

    private SalesSums() {
    }

    /** Call in the snapshot that read {@code taken}, {@code held} and {@code checkedIn}. */
    static SalesReport report(Connection c, Event event, BitSet taken, BitSet held, BitSet checkedIn)
            throws SQLException {
        int bookings;
        long refunded;
        try (NamedSql.Statement totals = TOTALS.prepare(c).set("event_id", event.id().value());
                ResultSet row = totals.executeQuery()) {
            row.next();
            bookings = row.getInt(1);
            refunded = row.getLong(2);
        }
        long[] takings = new long[event.totalSeats() + 1];
        try (NamedSql.Statement bySeat = BY_SEAT.prepare(c).set("event_id", event.id().value()).fetchSize(10_000);
                ResultSet rows = bySeat.executeQuery()) {
            while (rows.next()) {
                takings[rows.getInt(1)] = rows.getLong(2);
            }
        }
        return SalesReport.of(event, bookings, takings, refunded, taken, held, checkedIn);
    }
}
