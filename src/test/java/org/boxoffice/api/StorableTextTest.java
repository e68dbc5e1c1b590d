package org.boxoffice.api;

import io.quarkus.test.junit.QuarkusTest;

/** {@link StorableTextCases} on the in-memory store. */
@QuarkusTest
class StorableTextTest extends StorableTextCases {
}
