package org.boxoffice.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.boxoffice.testing.PostgresProfile;

/** The seed walk-through through HTTP with {@code boxoffice.store=postgres}. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresSeedWalkthroughTest extends SeedWalkthroughTest {
}
