package org.boxoffice.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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

    @Test
    void theEventsQuotaIsCountedFromAnIndexNotByReadingEveryEvent() throws Exception {
        try (Connection c = TestDatabase.get().dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement settings = c.createStatement()) {
                // An empty table is read whole whatever the indexes: ask for the plan an index allows.
                settings.execute("SET LOCAL enable_seqscan = off");
            }
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + Rows.UPCOMING_EVENTS)) {
                explain.setString(1, "organizer-1");
                explain.setTimestamp(2, Timestamp.from(Instant.now()));
                try (ResultSet lines = explain.executeQuery()) {
                    while (lines.next()) {
                        plan.append(lines.getString(1)).append('\n');
                    }
                }
            }
            c.rollback();

            assertThat(plan.toString()).contains("events_upcoming_by_organizer").doesNotContain("Seq Scan");
        }
    }

    @Override
    protected List<Notification> notifications(EventId id) {
        return OutboxRows.of(id);
    }
}
