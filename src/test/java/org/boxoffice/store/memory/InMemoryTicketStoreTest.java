package org.boxoffice.store.memory;

import java.util.List;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Notification;
import org.boxoffice.domain.TicketStore;
import org.boxoffice.store.TicketStoreContract;
import org.boxoffice.testing.StoreRules;
import org.boxoffice.testing.TestPayloads;

class InMemoryTicketStoreTest extends TicketStoreContract {

    private RecordingOutbox outbox;

    @Override
    protected TicketStore newStore() {
        outbox = new RecordingOutbox();
        return new InMemoryTicketStore(TestPayloads.json(), outbox, StoreRules.waitingList());
    }

    @Override
    protected List<Notification> notifications(EventId id) {
        return outbox.written(id);
    }
}
