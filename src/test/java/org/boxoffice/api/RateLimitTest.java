package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.api.ApiFixtures.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.boxoffice.testing.Tokens;
import org.junit.jupiter.api.Test;

/** A caller over the configured rate gets 429 with Retry-After; other callers are not slowed down. */
@QuarkusTest
@TestProfile(RateLimitTest.SmallRate.class)
class RateLimitTest {

    public static class SmallRate implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> settings = new HashMap<>(Tokens.verifierSettings());
            settings.put("boxoffice.rate-limit.requests-per-second", "1");
            settings.put("boxoffice.rate-limit.burst", "3");
            return settings;
        }
    }

    @Test
    void aCallerPastTheBurstIsToldToWait() {
        String greedy = Tokens.valid("greedy", "customer");
        String patient = Tokens.valid("patient", "customer");

        // The burst, plus one more request for each second that passes: on a loaded machine the first
        // requests may take longer than a second, so count what was served against the time taken.
        long start = System.nanoTime();
        int served = 0;
        Response answer = given().auth().oauth2(greedy).get("/bookings");
        while (answer.statusCode() == 200 && served < 20) {
            served++;
            answer = given().auth().oauth2(greedy).get("/bookings");
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L + 1;
        assertProblem(answer.then(), 429).header("Retry-After", "1");
        assertThat(served).isBetween(3, 3 + (int) seconds);
        given().auth().oauth2(patient).get("/bookings").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
    }
}
