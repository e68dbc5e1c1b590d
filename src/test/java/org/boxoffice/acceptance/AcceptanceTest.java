package org.boxoffice.acceptance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.boxoffice.api.ApiFixtures;
import org.boxoffice.testing.Tokens;
import org.boxoffice.testing.WebhookReceiver;
import org.boxoffice.testing.WebhookReceiver.Received;

/**
 * What every acceptance test shares: the deployment under test, its callers (each test makes its own,
 * with a subject of its own, so that one test's requests never spend another's rate limit), and checks
 * of answers. Requests go over HTTP to the packaged artifact and nothing else.
 */
abstract class AcceptanceTest {

    static final Deployment DEPLOYMENT = Deployment.get();

    /** A start time safely in the future whenever the suite runs, in the seed's format. */
    static final String FUTURE = LocalDate.now().plusYears(1) + " 19:00";

    /** Someone with a token of the identity provider: {@code roles} are its groups. */
    record Caller(String subject, String token) {

        RequestSpecification given() {
            return anonymous().header("Authorization", "Bearer " + token);
        }

        /** POSTs this body as JSON. */
        ValidatableResponse post(String path, Object body) {
            return given().contentType(ContentType.JSON).body(body).when().post(path).then();
        }

        ValidatableResponse get(String path) {
            return given().when().get(path).then();
        }
    }

    static Caller caller(String name, String... roles) {
        String subject = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new Caller(subject, Tokens.valid(subject, roles));
    }

    static Caller organizer() {
        return caller("olga", "organizer");
    }

    static Caller customer() {
        return caller("alice", "customer");
    }

    static RequestSpecification anonymous() {
        return given().baseUri(DEPLOYMENT.uri("/").toString()).urlEncodingEnabled(true);
    }

    /** The seed's event body, as a mutable map. */
    static Map<String, Object> eventBody(int totalSeats) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Summer Concert");
        body.put("date_time", FUTURE);
        body.put("venue", "Central Park");
        body.put("total_seats", totalSeats);
        return body;
    }

    static String createEvent(Caller organizer, int totalSeats) {
        return organizer.post("/events", eventBody(totalSeats)).statusCode(201).extract().path("event_id");
    }

    /** An RFC 9457 answer with this status, that gives nothing of the server's insides away. */
    static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        return ApiFixtures.assertProblem(response, status);
    }

    /**
     * {@code POST /scheduled} with no token, as EventBridge and a Knative PingSource send it; an answer
     * 429 (its callers share one limit per instance) is retried after its {@code Retry-After}.
     */
    static JsonPath runScheduled() throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            Response answer = anonymous().when().post("/scheduled");
            if (answer.statusCode() != 429) {
                assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
                return answer.jsonPath();
            }
            Thread.sleep(Duration.ofSeconds(Long.parseLong(answer.header("Retry-After"))).toMillis());
        }
        throw new AssertionError("POST /scheduled answered 429 twenty times");
    }

    /**
     * Waits for {@code count} deliveries that match, sending the schedule event every 2 s (retries wait 5 s) as
     * the scheduler would; 60 s at most.
     */
    static List<Received> awaitDeliveries(WebhookReceiver receiver, Predicate<Received> which, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            if (receiver.received(which).size() >= count) {
                return true;
            }
            runScheduled();
            return false;
        });
        return receiver.received(which);
    }
}
