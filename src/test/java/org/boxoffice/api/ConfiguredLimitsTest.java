package org.boxoffice.api;

import static org.boxoffice.api.ApiFixtures.assertProblem;
import static org.boxoffice.api.ApiFixtures.book;
import static org.boxoffice.api.ApiFixtures.createEvent;
import static org.boxoffice.api.ApiFixtures.eventBody;
import static org.boxoffice.api.ApiFixtures.postJson;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The limits are settings, not constants: a deployment that lowers them gets the lower limits. */
@QuarkusTest
@TestProfile(ConfiguredLimitsTest.SmallLimits.class)
class ConfiguredLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("boxoffice.max-seats-per-event", "100", "boxoffice.max-seats-per-request", "3");
        }
    }

    @Test
    void anEventLargerThanTheConfiguredMaximumIsRefused() {
        postJson("/events", eventBody(100)).statusCode(201);

        assertProblem(postJson("/events", eventBody(101)), 400)
                .body("errors.field", hasItem("total_seats"))
                .body("errors.message", hasItem(containsString("100")));
    }

    @Test
    void moreSeatsThanTheConfiguredMaximumPerRequestAreRefused() {
        String eventId = createEvent(10);
        book(eventId, 1, 2, 3).statusCode(201);

        assertProblem(book(eventId, 4, 5, 6, 7), 400)
                .body("errors.message", hasItem(containsString("at most 3")));
    }
}
