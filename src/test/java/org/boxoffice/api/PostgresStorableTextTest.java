package org.boxoffice.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.boxoffice.testing.PostgresProfile;

/** {@link StorableTextCases} on PostgreSQL: the same answers as the in-memory store. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresStorableTextTest extends StorableTextCases {
}
