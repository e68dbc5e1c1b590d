package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.api.ApiFixtures.assertProblem;
import static org.boxoffice.api.ApiFixtures.eventBody;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.boxoffice.testing.AuthOnProfile;
import org.boxoffice.testing.Tokens;
import org.boxoffice.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * Who gets what, with authentication on: an organizer's webhooks get their own events' notifications
 * only, an admin's get every event's; each manages only their own webhooks; customers have none.
 */
@QuarkusTest
@TestProfile(AuthOnProfile.class)
class WebhookAuthTest {

    private static final String OLGA = Tokens.valid("olga", "organizer");
    private static final String OSCAR = Tokens.valid("oscar", "organizer");
    private static final String ADMIN = Tokens.valid("ada", "admin");
    private static final String ALICE = Tokens.valid("alice", "customer");

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String subscribe(String token, String url) {
        return as(token).body(Map.of("url", url, "events", List.of("event.created"))).post("/webhooks").then()
                .statusCode(201).extract().path("webhook_id");
    }

    private static String createEvent(String token) {
        return as(token).body(eventBody(5)).post("/events").then().statusCode(201).extract().path("event_id");
    }

    @Test
    void anOrganizersWebhookGetsTheirOwnEventsAndAnAdminsGetsEveryEvent() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String olgas = subscribe(OLGA, receiver.url("/olga"));
            String oscars = subscribe(OSCAR, receiver.url("/oscar"));
            subscribe(ADMIN, receiver.url("/admin"));

            String olgasEvent = createEvent(OLGA);
            String oscarsEvent = createEvent(OSCAR);

            Duration patience = Duration.ofSeconds(20);
            receiver.await(r -> r.path().equals("/admin"), 2, patience);
            receiver.await(r -> r.path().equals("/olga"), 1, patience);
            receiver.await(r -> r.path().equals("/oscar"), 1, patience);
            receiver.awaitNoMore(r -> true, 4, Duration.ofMillis(300));
            assertThat(receiver.received(r -> r.path().equals("/olga"))).extracting(WebhookReceiver.Received::subject)
                    .containsExactly("events/" + olgasEvent);
            assertThat(receiver.received(r -> r.path().equals("/oscar"))).extracting(WebhookReceiver.Received::subject)
                    .containsExactly("events/" + oscarsEvent);
            assertThat(receiver.received(r -> r.path().equals("/admin"))).extracting(WebhookReceiver.Received::subject)
                    .containsExactlyInAnyOrder("events/" + olgasEvent, "events/" + oscarsEvent);

            assertThat(as(OLGA).get("/webhooks").then().statusCode(200).extract().jsonPath()
                    .<String>getList("webhook_id")).containsExactly(olgas);
            assertThat(as(ADMIN).get("/webhooks").then().statusCode(200).extract().jsonPath()
                    .<String>getList("webhook_id")).contains(olgas, oscars);
            as(OLGA).get("/webhooks/" + olgas).then().statusCode(200);
            assertProblem(as(OSCAR).get("/webhooks/" + olgas).then(), 404);
            assertProblem(as(OSCAR).get("/webhooks/" + olgas + "/deliveries").then(), 404);
            assertProblem(as(OSCAR).post("/webhooks/" + olgas + "/rotate-secret").then(), 404);
            assertProblem(as(OSCAR).delete("/webhooks/" + olgas).then(), 404);
            as(ADMIN).get("/webhooks/" + olgas).then().statusCode(200);
            as(OLGA).delete("/webhooks/" + olgas).then().statusCode(204);
        }
    }

    @Test
    void anAdminsAllEventsWebhookGetsOnlyTheirOwnEventsOnceTheyCallWithoutTheAdminRoleUntilTheyShowItAgain()
            throws Exception {
        String asAdmin = Tokens.valid("adrian", "admin", "organizer");
        String demoted = Tokens.valid("adrian", "organizer");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            subscribe(asAdmin, receiver.url("/adrian"));
            Duration patience = Duration.ofSeconds(20);
            String before = createEvent(OLGA);
            receiver.await(r -> r.path().equals("/adrian") && r.subject().equals("events/" + before), 1, patience);

            // The service keeps no user directory: a token without the role is what it can see.
            as(demoted).get("/webhooks").then().statusCode(200);
            assertOnlyTheirOwnEventsReach(receiver, "/adrian", demoted);

            as(asAdmin).get("/webhooks").then().statusCode(200);
            String after = createEvent(OLGA);
            receiver.await(r -> r.path().equals("/adrian") && r.subject().equals("events/" + after), 1, patience);

            // A customer's token is refused, and ends it all the same.
            assertProblem(as(Tokens.valid("adrian", "customer")).get("/webhooks").then(), 403);
            assertOnlyTheirOwnEventsReach(receiver, "/adrian", demoted);
        }
    }

    /** Olga's next event does not reach the webhook at {@code path}, while its owner's own, made after it, does. */
    private static void assertOnlyTheirOwnEventsReach(WebhookReceiver receiver, String path, String owner) {
        String olgas = createEvent(OLGA);
        String own = createEvent(owner);
        receiver.await(r -> r.path().equals(path) && r.subject().equals("events/" + own), 1, Duration.ofSeconds(20));
        receiver.awaitNoMore(r -> r.path().equals(path) && r.subject().equals("events/" + olgas), 0,
                Duration.ofMillis(300));
    }

    @Test
    void customersAndStrangersHaveNoWebhooks() {
        Map<String, Object> body = Map.of("url", "http://127.0.0.1:9/x", "events", List.of("event.created"));
        assertProblem(as(ALICE).body(body).post("/webhooks").then(), 403);
        assertProblem(as(ALICE).get("/webhooks").then(), 403);
        assertProblem(given().contentType(ContentType.JSON).body(body).post("/webhooks").then(), 401);
        given().post("/scheduled").then().statusCode(200);
    }
}
