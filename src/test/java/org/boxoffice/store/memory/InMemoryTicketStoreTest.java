package org.boxoffice.store.memory;

import org.boxoffice.domain.TicketStore;
import org.boxoffice.store.TicketStoreContract;

class InMemoryTicketStoreTest extends TicketStoreContract {

    @Override
    protected TicketStore newStore() {
        return new InMemoryTicketStore();
    }
}
