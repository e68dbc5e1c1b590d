package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.boxoffice.api.ApiFixtures.assertProblem;
import static org.boxoffice.api.ApiFixtures.eventBody;
import static org.boxoffice.api.ApiFixtures.venueBody;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.boxoffice.testing.AuthOnProfile;
import org.boxoffice.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Each quota per tenant over HTTP, with authentication on and small quotas: the request past it answers
 * 409 {@code quota-exceeded} naming its setting, and changes nothing; other tenants are not held back.
 */
@QuarkusTest
@TestProfile(QuotaTest.SmallQuotas.class)
class QuotaTest {

    /** Authentication on, as in production, with quotas small enough to reach in a few requests. */
    public static class SmallQuotas extends AuthOnProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> settings = new HashMap<>(super.getConfigOverrides());
            settings.put("boxoffice.max-seats-per-customer", "4");
            settings.put("boxoffice.max-events-per-organizer", "2");
            settings.put("boxoffice.max-webhooks-per-owner", "2");
            settings.put("boxoffice.max-sections-per-layout", "2");
            settings.put("boxoffice.max-rows-per-layout", "3");
            return settings;
        }
    }

    /** A token of a caller no other test uses, so that each test starts below every quota. */
    private static String fresh(String role) {
        return Tokens.valid(role + "-" + UUID.randomUUID(), role);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String createEvent(String organizer) {
        return as(organizer).body(eventBody(50)).post("/events").then().statusCode(201).extract().path("event_id");
    }

    private static ValidatableResponse assertQuota(ValidatableResponse response, String setting) {
        return assertProblem(response, 409).body("type", equalTo("urn:boxoffice:problem:quota-exceeded"))
                .body("detail", containsString(setting));
    }

    @Test
    void aCustomerHoldsAndBooksNoMoreSeatsOfAnEventThanTheQuotaHoweverTheyGetThem() {
        String eventId = createEvent(fresh("organizer"));
        String alice = fresh("customer");
        as(alice).body(Map.of("event_id", eventId, "seats", List.of(1, 2))).post("/bookings").then().statusCode(201);
        String holdId = as(alice).body(Map.of("event_id", eventId, "quantity", 2)).post("/holds").then()
                .statusCode(201).extract().path("hold_id");
        as(alice).body(Map.of("hold_id", holdId)).post("/bookings").then().statusCode(201);

        assertQuota(as(alice).body(Map.of("event_id", eventId, "quantity", 1)).post("/holds").then(),
                "boxoffice.max-seats-per-customer");
        assertQuota(as(alice).body(Map.of("event_id", eventId, "seats", List.of(9))).post("/bookings").then(),
                "boxoffice.max-seats-per-customer");
        as(alice).get("/events/" + eventId + "/seats").then().statusCode(200).body("booked_seats", equalTo(4))
                .body("held_seats", equalTo(0));
        as(fresh("customer")).body(Map.of("event_id", eventId, "seats", List.of(9, 10, 11, 12))).post("/bookings")
                .then().statusCode(201);
        as(alice).body(Map.of("event_id", createEvent(fresh("organizer")), "seats", List.of(1, 2, 3, 4)))
                .post("/bookings").then().statusCode(201);
    }

    @Test
    void anOrganizerHasNoMoreEventsToComeThanTheQuota() {
        String olga = fresh("organizer");
        String first = createEvent(olga);
        createEvent(olga);

        assertQuota(as(olga).body(eventBody(50)).post("/events").then(), "boxoffice.max-events-per-organizer");
        createEvent(fresh("organizer"));
        as(olga).post("/events/" + first + "/cancel").then().statusCode(200);
        createEvent(olga);
    }

    @Test
    void anOwnerHasNoMoreWebhooksThanTheQuota() {
        String olga = fresh("organizer");
        Map<String, Object> body = Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("event.created"));
        String first = as(olga).body(body).post("/webhooks").then().statusCode(201).extract().path("webhook_id");
        as(olga).body(body).post("/webhooks").then().statusCode(201);

        assertQuota(as(olga).body(body).post("/webhooks").then(), "boxoffice.max-webhooks-per-owner");
        as(olga).get("/webhooks").then().statusCode(200).body("$", hasSize(2));
        as(fresh("admin")).body(body).post("/webhooks").then().statusCode(201);
        as(olga).delete("/webhooks/" + first).then().statusCode(204);
        as(olga).body(body).post("/webhooks").then().statusCode(201);
    }

    @Test
    void aLayoutHasNoMoreSectionsOrRowsThanTheSettingsAllow() {
        String olga = fresh("organizer");
        Map<String, Object> threeSections = venueBody();
        threeSections.put("layout", Map.of("sections", List.of(section("A", 1), section("B", 1), section("C", 1))));
        Map<String, Object> fourRows = venueBody();
        fourRows.put("layout", Map.of("sections", List.of(section("A", 2), section("B", 2))));

        assertProblem(as(olga).body(threeSections).post("/events").then(), 400)
                .body("errors.field", equalTo(List.of("layout.sections")));
        assertProblem(as(olga).body(fourRows).post("/events").then(), 400)
                .body("errors.field", equalTo(List.of("layout")));
        as(olga).body(venueBody()).post("/events").then().statusCode(201);
    }

    @Test
    void theListOfEventsLeavesTheirLayoutsToEachEventsOwnPage() {
        String olga = fresh("organizer");
        String eventId = as(olga).body(venueBody()).post("/events").then().statusCode(201).extract().path("event_id");

        as(olga).get("/events?limit=100").then().statusCode(200)
                .body("items.find { it.event_id == '" + eventId + "' }.total_seats", equalTo(72))
                .body("items", everyItem(not(hasKey("layout"))));
        as(olga).get("/events/" + eventId).then().statusCode(200).body("layout.sections.name",
                equalTo(List.of("Stalls", "Balcony")));
    }

    private static Map<String, Object> section(String name, int rows) {
        List<Map<String, Object>> list = new java.util.ArrayList<>();
        for (int r = 1; r <= rows; r++) {
            list.add(Map.of("label", String.valueOf(r), "seats", 5));
        }
        return Map.of("name", name, "rows", list);
    }
}
