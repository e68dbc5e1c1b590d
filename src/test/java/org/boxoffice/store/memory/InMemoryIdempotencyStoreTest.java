package org.boxoffice.store.memory;

import org.boxoffice.domain.IdempotencyStore;
import org.boxoffice.store.IdempotencyStoreContract;

class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {

    @Override
    protected IdempotencyStore newStore() {
        return new InMemoryIdempotencyStore();
    }
}
