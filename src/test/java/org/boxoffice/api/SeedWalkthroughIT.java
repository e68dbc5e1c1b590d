package org.boxoffice.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The seed walk-through against the packaged jar, as a user runs it. */
@QuarkusIntegrationTest
class SeedWalkthroughIT extends SeedWalkthroughTest {
}
