package org.boxoffice.store.postgres;

import java.util.Optional;
import org.boxoffice.domain.IdempotencyStore;
import org.boxoffice.store.IdempotencyStoreContract;
import org.boxoffice.testing.TestDatabase;

class PostgresIdempotencyStoreTest extends IdempotencyStoreContract {

    @Override
    protected IdempotencyStore newStore() {
        TestDatabase database = TestDatabase.get();
        database.truncate();
        return new PostgresIdempotencyStore(database.dataSource(), Optional.empty());
    }
}
