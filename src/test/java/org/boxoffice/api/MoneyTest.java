package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.boxoffice.api.ApiFixtures.FUTURE;
import static org.boxoffice.api.ApiFixtures.assertProblem;
import static org.boxoffice.api.ApiFixtures.postJson;
import static org.boxoffice.api.ApiFixtures.venueBody;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prices, refunds, partial and event cancellation, and the sales report, through the API. */
@QuarkusTest
class MoneyTest {

    /** The venue of {@link ApiFixtures#venueBody}, priced in EUR: Stalls (A) 120.00, Balcony (B) 60.00. */
    static Map<String, Object> pricedVenue() {
        Map<String, Object> body = venueBody();
        body.put("pricing", Map.of("currency", "EUR", "default", 4500, "categories", Map.of("A", 12000, "B", 6000)));
        return body;
    }

    private static String create(Map<String, Object> body) {
        return postJson("/events", body).statusCode(201).extract().path("event_id");
    }

    @Test
    void anEventShowsItsPricesRefundPolicyAndStatus() {
        Map<String, Object> body = pricedVenue();
        body.put("refund_policy", List.of(Map.of("before", "PT168H", "percent", 100),
                Map.of("before", "PT48H", "percent", 50)));
        String eventId = create(body);

        given().get("/events/" + eventId).then().statusCode(200)
                .body("pricing.currency", equalTo("EUR"))
                .body("pricing.default", equalTo(4500))
                .body("pricing.categories.A", equalTo(12000))
                .body("pricing.decimals", equalTo(2))
                .body("refund_policy.before", contains("PT168H", "PT48H"))
                .body("refund_policy.percent", contains(100, 50))
                .body("status", equalTo("scheduled"));
    }

    @Test
    void holdsAndBookingsCarryTheirTotalAndEachSeatsPrice() {
        String eventId = create(pricedVenue());

        String holdId = postJson("/holds", Map.of("event_id", eventId, "seats", List.of(1, 2, 43))).statusCode(201)
                .body("total.amount", equalTo(30000)).body("total.currency", equalTo("EUR"))
                .body("places.price", contains(12000, 12000, 6000))
                .extract().path("hold_id");
        postJson("/bookings", Map.of("hold_id", holdId, "payment_reference", "pi_3PqRsT")).statusCode(201)
                .body("total.amount", equalTo(30000)).body("payment_reference", equalTo("pi_3PqRsT"));
        postJson("/bookings", Map.of("event_id", eventId, "seats", List.of(44))).statusCode(201)
                .body("total", equalTo(Map.of("amount", 6000, "currency", "EUR")));
    }

    @Test
    void aFreeEventAnswersWithoutTotals() {
        String eventId = create(ApiFixtures.eventBody(10));

        postJson("/bookings", Map.of("event_id", eventId, "seats", List.of(1))).statusCode(201)
                .body("$", not(hasKey("total")));
    }

    @Test
    void cancellingSomeSeatsRefundsThemAndKeepsTheRestBooked() {
        String eventId = create(pricedVenue());
        String bookingId = postJson("/bookings", Map.of("event_id", eventId, "seats", List.of(1, 2, 43)))
                .statusCode(201).extract().path("booking_id");

        postJson("/bookings/" + bookingId + "/cancel", Map.of("seats", List.of(43))).statusCode(200)
                .body("status", equalTo("confirmed"))
                .body("cancelled_seats", contains(43))
                .body("refund", equalTo(Map.of("seats", List.of(43), "amount", 6000, "currency", "EUR", "percent", 100,
                        "at", given().get("/bookings/" + bookingId).then().extract().path("refunds[0].at"))));
        given().get("/events/" + eventId + "/seats").then().body("booked_seats", equalTo(2));
        assertProblem(postJson("/bookings/" + bookingId + "/cancel", Map.of("seats", List.of(2, 43))), 409)
                .body("type", equalTo("urn:boxoffice:problem:seats-already-cancelled"));
        assertProblem(postJson("/bookings/" + bookingId + "/cancel", Map.of("seats", List.of(7))), 400)
                .body("errors.field", contains("seats"));

        given().post("/bookings/" + bookingId + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled"))
                .body("refund.amount", equalTo(24000))
                .body("refunds.amount", contains(6000, 24000));
        given().post("/bookings/" + bookingId + "/cancel").then().statusCode(200).body("refund.amount", equalTo(24000))
                .body("refunds.size()", equalTo(2));
    }

    @Test
    void aRefundFollowsTheEventsPolicy() {
        Map<String, Object> body = pricedVenue();
        body.put("date_time", Instant.now().plus(3, ChronoUnit.DAYS).toString());
        body.put("refund_policy", List.of(Map.of("before", "PT168H", "percent", 100),
                Map.of("before", "PT48H", "percent", 50)));
        String eventId = create(body);
        String bookingId = postJson("/bookings", Map.of("event_id", eventId, "seats", List.of(1))).statusCode(201)
                .extract().path("booking_id");

        given().post("/bookings/" + bookingId + "/cancel").then().statusCode(200)
                .body("refund.percent", equalTo(50)).body("refund.amount", equalTo(6000));
    }

    @Test
    void aCancelledEventRefundsEveryBookingAndTakesNothingNew() {
        String eventId = create(pricedVenue());
        String bookingId = postJson("/bookings", Map.of("event_id", eventId, "seats", List.of(1, 43))).statusCode(201)
                .extract().path("booking_id");
        String holdId = postJson("/holds", Map.of("event_id", eventId, "seats", List.of(5))).statusCode(201)
                .extract().path("hold_id");

        given().post("/events/" + eventId + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled")).body("$", hasKey("cancelled_at"));

        given().get("/bookings/" + bookingId).then().body("status", equalTo("cancelled"))
                .body("refunds[0].percent", equalTo(100)).body("refunds[0].amount", equalTo(18000));
        given().get("/holds/" + holdId).then().body("status", equalTo("released"));
        assertProblem(postJson("/bookings", Map.of("event_id", eventId, "seats", List.of(2))), 409)
                .body("type", equalTo("urn:boxoffice:problem:event-cancelled"));
        assertProblem(postJson("/holds", Map.of("event_id", eventId, "quantity", 2)), 409)
                .body("type", equalTo("urn:boxoffice:problem:event-cancelled"));
        given().post("/events/" + eventId + "/cancel").then().statusCode(200).body("status", equalTo("cancelled"));
        given().get("/events/" + eventId + "/seats").then().body("available_seats", equalTo(72));
    }

    @Test
    void theSalesReportSaysWhatWasSoldAndRefundedPerCategory() {
        String eventId = create(pricedVenue());
        String bookingId = postJson("/bookings", Map.of("event_id", eventId, "seats", List.of(1, 2, 43)))
                .statusCode(201).extract().path("booking_id");
        postJson("/bookings/" + bookingId + "/cancel", Map.of("seats", List.of(2))).statusCode(200);
        postJson("/holds", Map.of("event_id", eventId, "seats", List.of(21))).statusCode(201);

        given().get("/events/" + eventId + "/report").then().statusCode(200)
                .body("gross", equalTo(Map.of("amount", 30000, "currency", "EUR")))
                .body("refunds.amount", equalTo(12000))
                .body("net.amount", equalTo(18000))
                .body("bookings", equalTo(1))
                .body("categories.category", contains("A", "B"))
                .body("categories[0].sold", equalTo(1)).body("categories[0].held", equalTo(1))
                .body("categories[0].free", equalTo(40)).body("categories[0].gross.amount", equalTo(24000))
                .body("categories[1].sold", equalTo(1)).body("categories[1].free", equalTo(29));
        assertProblem(given().get("/events/01a21959-4b32-76ce-b461-599d967d7822/report").then(), 404);
    }

    @Test
    void brokenPricesAndPoliciesAreRefusedByPathAndCreateNothing() {
        Map<String, Object> body = pricedVenue();
        body.put("pricing", Map.of("currency", "EURO", "default", -1, "categories", Map.of("Z", 100)));
        body.put("refund_policy", List.of(Map.of("before", "a week", "percent", 100), Map.of("before", "PT1H",
                "percent", 150)));
        assertProblem(postJson("/events", body), 400).body("errors.field", containsInAnyOrder("pricing.currency",
                "pricing.default", "pricing.categories.Z", "refund_policy[0].before", "refund_policy[1].percent"));

        Map<String, Object> fractional = pricedVenue();
        fractional.put("pricing", Map.of("currency", "EUR", "default", 45.5));
        assertProblem(postJson("/events", fractional), 400).body("errors.field", contains("pricing.default"));

        Map<String, Object> percent = pricedVenue();
        percent.put("refund_policy", List.of(Map.of("before", "PT1H", "percent", 150)));
        assertProblem(postJson("/events", percent), 400).body("errors.field", contains("refund_policy[0].percent"));
    }

    @Test
    void aPaymentReferenceIsBoundedAndARequestBodyCanNotSetRefunds() {
        String eventId = create(pricedVenue());

        assertProblem(postJson("/bookings", Map.of("event_id", eventId, "seats", List.of(1), "payment_reference",
                "x".repeat(201))), 400).body("errors.field", contains("payment_reference"));
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("event_id", eventId, "seats", List.of(1),
                "refunds", List.of())).post("/bookings").then(), 400);
        given().get("/events/" + eventId + "/seats").then().body("booked_seats", equalTo(0));
    }

    /** The seed's date form is accepted for a priced event as for any. */
    @Test
    void thePricedEventUsesTheSameDateForms() {
        Map<String, Object> body = pricedVenue();
        body.put("date_time", FUTURE);
        create(body);
    }
}
