package org.boxoffice.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Notification;
import org.boxoffice.domain.TicketStore;
import org.boxoffice.store.TicketStoreContract;
import org.boxoffice.testing.StoreRules;
import org.boxoffice.testing.TestDatabase;
import org.boxoffice.testing.TestPayloads;
import org.junit.jupiter.api.Test;

/** The store contract on PostgreSQL, judging time by the instants the contract passes. */
class PostgresTicketStoreTest extends TicketStoreContract {

    @Override
    protected TicketStore newStore() {
        TestDatabase database = TestDatabase.get();
        database.truncate();
        return new PostgresTicketStore(database.dataSource(), false, TestPayloads.json(),
                StoreRules.waitingList());
    }

    @Override
    protected List<Notification> notifications(EventId id) {
        return OutboxRows.of(id);
    }

    @Test
    void theQuotasAreCountedFromIndexesNotByReadingEveryRow() throws Exception {
        assertThat(plan(Rows.UPCOMING_EVENTS, Map.of("organizer", "organizer-1", "now", Instant.now())))
                .contains("events_upcoming_by_organizer").doesNotContain("Seq Scan");
        UUID event = UUID.randomUUID();
        assertThat(plan(SeatClaims.BOOKED_BY, Map.of("event_id", event, "customer", "customer-1")))
                .contains("bookings_confirmed_by_event_and_customer").doesNotContain("Seq Scan on bookings");
    }

    /**
     * Whichever release writes a refund into bookings.refunds (the previous one writes only that), its rows
     * follow in the same statement; and the schema refuses a seat refunded twice, whatever the Java code did.
     */
    @Test
    void refundsAppendedToABookingBecomeRowsAndASeatIsRefundedOnce() throws Exception {
        UUID event = UUID.randomUUID();
        UUID booking = UUID.randomUUID();
        try (Connection c = TestDatabase.get().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO events (id, name, venue, starts_at, total_seats, created_at, organizer, pricing)"
                    + " VALUES ('" + event + "', 'e', 'v', now(), 10, now(), 'o',"
                    + " '{\"currency\": \"EUR\", \"defaultPrice\": 100}')");
            s.execute("INSERT INTO bookings (id, event_id, seats, status, created_at, customer, prices, currency)"
                    + " VALUES ('" + booking + "', '" + event + "', '{1,2,3}', 'confirmed', now(), 'c',"
                    + " '{100,100,100}', 'EUR')");
            String append = "UPDATE bookings SET refunds = refunds || ?::jsonb WHERE id = '" + booking + "'";
            try (PreparedStatement refund = c.prepareStatement(append)) {
                refund.setString(1, "[{\"seats\": [1, 2], \"amount\": 150, \"percent\": 75,"
                        + " \"at\": \"2030-01-01T00:00:00Z\"}]");
                refund.executeUpdate();
                refund.setString(1, "[{\"seats\": [3], \"amount\": 100, \"percent\": 100,"
                        + " \"at\": \"2030-01-02T00:00:00Z\"}]");
                refund.executeUpdate();

                assertThat(rows(s, "SELECT position, amount, percent FROM booking_refunds ORDER BY position"))
                        .containsExactly("1 150 75", "2 100 100");
                assertThat(rows(s, "SELECT seat, position, 0 FROM refunded_seats ORDER BY seat"))
                        .containsExactly("1 1 0", "2 1 0", "3 2 0");

                refund.setString(1, "[{\"seats\": [2], \"amount\": 100, \"percent\": 100,"
                        + " \"at\": \"2030-01-03T00:00:00Z\"}]");
                assertThatThrownBy(refund::executeUpdate).isInstanceOfSatisfying(SQLException.class,
                        refused -> assertThat(refused.getSQLState()).isEqualTo("23505"));
            }
            assertThat(rows(s, "SELECT count(*), 0, 0 FROM booking_refunds")).containsExactly("2 0 0");
        }
    }

    /** Each row of {@code sql}'s three columns, joined by spaces. */
    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = s.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getString(3));
            }
        }
        return rows;
    }

    /** The plan PostgreSQL makes for {@code sql} with these parameters when it can use an index. */
    private static String plan(NamedSql sql, Map<String, Object> parameters) throws Exception {
        try (Connection c = TestDatabase.get().dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement settings = c.createStatement()) {
                // An empty table is read whole whatever the indexes: ask for the plan an index allows.
                settings.execute("SET LOCAL enable_seqscan = off");
            }
            StringBuilder plan = new StringBuilder();
            try (NamedSql.Statement explain = NamedSql.of("EXPLAIN " + sql).prepare(c)) {
                for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
                    explain.set(parameter.getKey(), parameter.getValue());
                }
                try (ResultSet lines = explain.executeQuery()) {
                    while (lines.next()) {
                        plan.append(lines.getString(1)).append('\n');
                    }
                }
            } finally {
                c.rollback();
            }
            return plan.toString();
        }
    }
}
