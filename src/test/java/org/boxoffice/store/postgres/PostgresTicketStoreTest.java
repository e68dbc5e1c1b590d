package org.boxoffice.store.postgres;

import java.util.List;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Notification;
import org.boxoffice.domain.TicketStore;
import org.boxoffice.store.TicketStoreContract;
import org.boxoffice.testing.StoreRules;
import org.boxoffice.testing.TestDatabase;
import org.boxoffice.testing.TestPayloads;

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
}
