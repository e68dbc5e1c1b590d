package org.boxoffice.store.postgres;

import java.util.Optional;
import org.boxoffice.store.WebhookStoreContract;
import org.boxoffice.testing.StoreRules;
import org.boxoffice.testing.TestDatabase;
import org.boxoffice.testing.TestPayloads;

class PostgresWebhookStoreTest extends WebhookStoreContract {

    @Override
    protected Stores newStores() {
        TestDatabase database = TestDatabase.get();
        database.truncate();
        return new Stores(new PostgresTicketStore(database.dataSource(), false, TestPayloads.json(),
                StoreRules.waitingList()),
                new PostgresWebhookStore(database.dataSource(), Optional.empty()));
    }
}
