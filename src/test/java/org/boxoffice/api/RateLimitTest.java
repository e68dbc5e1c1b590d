package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.api.ApiFixtures.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.boxoffice.testing.Concurrently;
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
    void aCallerPastTheBurstIsToldToWait() throws Exception {
        String greedy = Tokens.valid("greedy", "customer");
        String patient = Tokens.valid("patient", "customer");
        int requests = 20;
        Queue<Integer> statuses = new ConcurrentLinkedQueue<>();

        // At once, so that however slow this machine is, far fewer tokens refill than requests arrive.
        long started = System.nanoTime();
        Concurrently.run(requests, thread -> {
            ValidatableResponse answer = given().auth().oauth2(greedy).get("/bookings").then();
            int status = answer.extract().statusCode();
            statuses.add(status);
            if (status == 429) {
                assertProblem(answer, 429).header("Retry-After", "1");
            }
        });
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + 1;

        assertThat(statuses).containsOnly(200, 429).contains(429);
        assertThat(statuses.stream().filter(status -> status == 200).count()).as("the burst, and one per second")
                .isBetween(3L, 3 + seconds);
        given().auth().oauth2(patient).get("/bookings").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
    }
}
