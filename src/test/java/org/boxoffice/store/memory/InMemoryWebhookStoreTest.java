package org.boxoffice.store.memory;

import java.util.List;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Notification;
import org.boxoffice.store.WebhookStoreContract;
import org.boxoffice.testing.StoreRules;
import org.boxoffice.testing.TestPayloads;

class InMemoryWebhookStoreTest extends WebhookStoreContract {

    private RecordingOutbox outbox;

    @Override
    protected Stores newStores() {
        outbox = new RecordingOutbox();
        return new Stores(new InMemoryTicketStore(TestPayloads.json(), outbox, StoreRules.waitingList()), new InMemoryWebhookStore(outbox));
    }

    @Override
    protected List<Notification> notifications(EventId id) {
        return outbox.written(id);
    }
}
