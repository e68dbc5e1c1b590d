package org.boxoffice.store.memory;

import org.boxoffice.domain.TicketStore;
import org.boxoffice.store.TicketStoreContract;
import org.boxoffice.testing.StoreRules;
import org.boxoffice.testing.TestPayloads;

class InMemoryTicketStoreTest extends TicketStoreContract {

    @Override
    protected TicketStore newStore() {
        return new InMemoryTicketStore(TestPayloads.json(), new InMemoryOutbox(), StoreRules.waitingList());
    }
}
