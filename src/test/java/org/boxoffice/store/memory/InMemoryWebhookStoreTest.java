package org.boxoffice.store.memory;

import org.boxoffice.store.WebhookStoreContract;
import org.boxoffice.testing.StoreRules;
import org.boxoffice.testing.TestPayloads;

class InMemoryWebhookStoreTest extends WebhookStoreContract {

    @Override
    protected Stores newStores() {
        InMemoryOutbox outbox = new InMemoryOutbox();
        return new Stores(new InMemoryTicketStore(TestPayloads.json(), outbox, StoreRules.waitingList()), new InMemoryWebhookStore(outbox));
    }
}
