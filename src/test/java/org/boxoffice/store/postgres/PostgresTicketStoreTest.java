package org.boxoffice.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
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
