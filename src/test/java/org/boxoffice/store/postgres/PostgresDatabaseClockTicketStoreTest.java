package org.boxoffice.store.postgres;

import io.agroal.api.AgroalDataSource;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Notification;
import org.boxoffice.domain.TicketStore;
import org.boxoffice.store.TicketStoreContract;
import org.boxoffice.testing.ContractClock;
import org.boxoffice.testing.StoreRules;
import org.boxoffice.testing.TestDatabase;
import org.boxoffice.testing.TestPayloads;
import org.junit.jupiter.api.AfterAll;

/**
 * The store contract on PostgreSQL in the time mode the service runs in: hold expiry judged by the
 * database's clock ({@code databaseClock = true}, other SQL than {@link PostgresTicketStoreTest}'s).
 * The database's clock reads the contract's instants ({@link ContractClock}): were it the real clock,
 * the contract's tests of expiry, which move time by minutes, would fail.
 */
class PostgresDatabaseClockTicketStoreTest extends TicketStoreContract {

    private static AgroalDataSource pool;

    @Override
    protected TicketStore newStore() {
        TestDatabase database = TestDatabase.get();
        database.truncate();
        return ContractClock.store(new PostgresTicketStore(clocked(), true, TestPayloads.json(),
                StoreRules.waitingList()));
    }

    private static synchronized DataSource clocked() {
        if (pool == null) {
            TestDatabase database = TestDatabase.get();
            pool = database.pool(database.jdbcUrl(), Map.of());
            ContractClock.install(pool);
        }
        return ContractClock.dataSource(pool);
    }

    @AfterAll
    static void closePool() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }

    @Override
    protected List<Notification> notifications(EventId id) {
        return OutboxRows.of(id);
    }
}
