package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.boxoffice.api.http.Problem;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class OpenApiAndHealthTest {

    @Test
    void theOpenApiDocumentDescribesEveryEndpointWithItsErrors() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Box Office API"))
                .body("paths", hasKey("/events"))
                .body("paths", hasKey("/events/{event_id}"))
                .body("paths", hasKey("/events/{event_id}/seats"))
                .body("paths", hasKey("/events/{event_id}/seats/available"))
                .body("paths", hasKey("/bookings"))
                .body("paths", hasKey("/bookings/{booking_id}"))
                .body("paths", hasKey("/bookings/{booking_id}/cancel"))
                .body("paths", hasKey("/holds"))
                .body("paths", hasKey("/holds/{hold_id}"))
                .body("paths.'/holds/{hold_id}'", hasKey("delete"))
                .body("paths.'/events'", hasKey("get"))
                .body("paths.'/bookings'", hasKey("get"))
                .body("paths.'/holds'.post.responses", hasKey("409"))
                .body("paths.'/bookings'.post.responses", hasKey("422"))
                .body("paths.'/bookings'.post.responses", hasKey("401"))
                .body("paths.'/bookings'.post.responses", hasKey("403"))
                .body("paths.'/holds/{hold_id}'.get.responses", hasKey("429"))
                .body("paths.'/events'.get.responses", hasKey("503"))
                .body("paths.'/events'.post.responses", hasKey("201"))
                .body("paths.'/events'.post.responses", hasKey("400"))
                .body("paths.'/events'.post.responses.'400'.content", hasKey("application/problem+json"))
                .body("paths.'/events'.post.requestBody", notNullValue())
                .body("paths.'/bookings'.post.responses", hasKey("201"))
                .body("paths.'/bookings'.post.responses", hasKey("400"))
                .body("paths.'/bookings'.post.responses", hasKey("404"))
                .body("paths.'/bookings'.post.responses", hasKey("409"))
                .body("paths.'/bookings/{booking_id}'.get.responses", hasKey("404"))
                .body("paths.'/events/{event_id}/seats'.get.responses", hasKey("200"))
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas.SeatCounts.properties", hasKey("held_seats"))
                .body("components.schemas.CreateEvent.properties", hasKey("total_seats"))
                .body("components.schemas.Hold.properties", hasKey("expires_at"));
    }

    /** Written out here, not read from the enums or settings, so that a drift between them fails. */
    @Test
    void everyStatusIsAnEnumAndRequestFieldsCarryTheBoundsTheServiceChecks() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.Booking.properties.status.enum", equalTo(List.of("confirmed", "cancelled")))
                .body("components.schemas.Hold.properties.status.enum",
                        equalTo(List.of("held", "released", "confirmed", "expired")))
                .body("components.schemas.Event.properties.status.enum", equalTo(List.of("scheduled", "cancelled")))
                .body("components.schemas.Webhook.properties.status.enum", equalTo(List.of("active", "disabled")))
                .body("components.schemas.WaitlistEntry.properties.status.enum",
                        equalTo(List.of("waiting", "offered", "accepted", "expired", "left")))
                .body("components.schemas.Delivery.properties.state.enum",
                        equalTo(List.of("pending", "delivered", "failed")))
                .body("components.schemas.CheckIn.properties.status.enum",
                        equalTo(List.of("checked-in", "checked-out")))
                // the test profile keeps the production defaults of these settings
                .body("components.schemas.CreateBooking.properties.seats.maxItems", equalTo(50))
                .body("components.schemas.CreateBooking.properties.seats.minItems", equalTo(1))
                .body("components.schemas.CreateBooking.properties.seats.uniqueItems", equalTo(true))
                .body("components.schemas.CreateBooking.properties.seats.items.minimum", equalTo(1))
                .body("components.schemas.CreateHold.properties.seats.maxItems", equalTo(50))
                .body("components.schemas.CreateHold.properties.quantity.minimum", equalTo(1))
                .body("components.schemas.CreateHold.properties.quantity.maximum", equalTo(50))
                .body("components.schemas.CancelBooking.properties.seats.minItems", equalTo(1))
                .body("components.schemas.JoinWaitlist.properties.quantity.maximum", equalTo(10))
                .body("components.schemas.CreateEvent.properties.total_seats.maximum", equalTo(100000))
                .body("components.schemas.Layout.properties.sections.maxItems", equalTo(500))
                .body("components.schemas.Section.properties.rows.maxItems", equalTo(5000))
                .body("components.schemas.Pricing.properties.default.maximum", equalTo(1_000_000_000_000L))
                .body("components.schemas.Pricing.properties.categories.additionalProperties.minimum", equalTo(0))
                .body("components.schemas.Pricing.properties.currency.pattern", equalTo("^[A-Za-z]{3}$"))
                .body("components.schemas.RefundTier.properties.percent.maximum", equalTo(100));
    }

    @Test
    void everyOperationHasTheOperationIdGeneratedClientsNameItBy() {
        Map<String, Object> operationIds = new HashMap<>();
        eachOperation((name, operation) -> operationIds.put(name, operation.get("operationId")));

        assertThat(operationIds).isEqualTo(Map.ofEntries(
                Map.entry("POST /events", "createEvent"),
                Map.entry("GET /events", "listEvents"),
                Map.entry("GET /events/{event_id}", "getEvent"),
                Map.entry("GET /events/{event_id}/seats", "getSeatCounts"),
                Map.entry("GET /events/{event_id}/seats/available", "getAvailableSeats"),
                Map.entry("GET /events/{event_id}/seatmap", "getSeatMap"),
                Map.entry("POST /events/{event_id}/cancel", "cancelEvent"),
                Map.entry("GET /events/{event_id}/report", "getSalesReport"),
                Map.entry("POST /bookings", "bookSeats"),
                Map.entry("GET /bookings", "listBookings"),
                Map.entry("GET /bookings/{booking_id}", "getBooking"),
                Map.entry("POST /bookings/{booking_id}/cancel", "cancelBooking"),
                Map.entry("POST /holds", "placeHold"),
                Map.entry("GET /holds/{hold_id}", "getHold"),
                Map.entry("DELETE /holds/{hold_id}", "releaseHold"),
                Map.entry("POST /webhooks", "createWebhook"),
                Map.entry("GET /webhooks", "listWebhooks"),
                Map.entry("GET /webhooks/{webhook_id}", "getWebhook"),
                Map.entry("DELETE /webhooks/{webhook_id}", "deleteWebhook"),
                Map.entry("POST /webhooks/{webhook_id}/rotate-secret", "rotateWebhookSecret"),
                Map.entry("GET /webhooks/{webhook_id}/deliveries", "listWebhookDeliveries"),
                Map.entry("POST /scheduled", "runScheduled"),
                Map.entry("POST /events/{event_id}/waitlist", "joinWaitlist"),
                Map.entry("GET /events/{event_id}/waitlist", "listWaitlist"),
                Map.entry("GET /events/{event_id}/waitlist/{entry_id}", "getWaitlistEntry"),
                Map.entry("DELETE /events/{event_id}/waitlist/{entry_id}", "leaveWaitlist"),
                Map.entry("GET /bookings/{booking_id}/tickets", "listTickets"),
                Map.entry("GET /bookings/{booking_id}/tickets/{ticket_id}/qr.svg", "getTicketQrCode"),
                Map.entry("GET /checkin/keys", "getCheckinKeys"),
                Map.entry("POST /events/{event_id}/checkins", "checkIn")));
    }

    @Test
    void everyErrorAnswerOfEveryOperationIsAProblemDocument() {
        Map<String, Object> problem = Map.of("application/problem+json",
                Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")));
        List<String> errorAnswers = new ArrayList<>();
        eachOperation((name, operation) -> ((Map<?, ?>) operation.get("responses")).forEach((status, response) -> {
            if (status.toString().matches("[45]\\d\\d")) {
                errorAnswers.add(name + " " + status);
                assertThat(((Map<?, ?>) response).get("content")).as(name + " " + status).isEqualTo(problem);
            }
        }));

        assertThat(errorAnswers)
                .contains("POST /bookings 409", "GET /events/{event_id} 404", "GET /holds/{hold_id} 401");
    }

    @Test
    void withAuthenticationOffEveryOperationIsPublicAndNoSchemeIsDeclared() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components", not(hasKey("securitySchemes")));
        eachOperation((name, operation) -> assertThat(operation.get("security")).as(name).isEqualTo(List.of()));
    }

    /** A generated client sends limit as a bounded integer, and from and to as text with an example. */
    @Test
    void listingParametersAreTyped() {
        eachOperation((name, operation) -> {
            Object parameters = operation.get("parameters");
            for (Object parameter : parameters == null ? List.of() : (List<?>) parameters) {
                Map<?, ?> named = (Map<?, ?>) parameter;
                @SuppressWarnings("unchecked")
                Map<Object, Object> schema = (Map<Object, Object>) named.get("schema");
                if ("limit".equals(named.get("name"))) {
                    assertThat(schema).as(name).containsEntry("type", "integer").containsEntry("minimum", 1)
                            .containsEntry("maximum", 100).containsEntry("default", 20);
                }
                if ("from".equals(named.get("name"))) {
                    assertThat(schema).as(name).containsEntry("type", "string").containsKey("examples");
                }
            }
        });
    }

    /** Every operation taking a body can answer 415; every one taking an Idempotency-Key says its form and its 400. */
    @Test
    void bodiesAndIdempotencyKeysAreDescribed() {
        List<String> withKey = new ArrayList<>();
        eachOperation((name, operation) -> {
            @SuppressWarnings("unchecked")
            Map<Object, Object> responses = (Map<Object, Object>) operation.get("responses");
            if (operation.get("requestBody") != null) {
                assertThat(responses).as(name).containsKey("415");
            }
            Object parameters = operation.get("parameters");
            for (Object parameter : parameters == null ? List.of() : (List<?>) parameters) {
                Map<?, ?> named = (Map<?, ?>) parameter;
                if ("Idempotency-Key".equals(named.get("name"))) {
                    withKey.add(name);
                    @SuppressWarnings("unchecked")
                    Map<Object, Object> schema = (Map<Object, Object>) named.get("schema");
                    assertThat(schema).as(name).containsEntry("minLength", 1).containsEntry("maxLength", 255)
                            .containsEntry("pattern", "^[\\x21-\\x7E]{1,255}$");
                    assertThat(responses).as(name).containsKey("400");
                    assertThat((String) ((Map<?, ?>) responses.get("400")).get("description")).as(name)
                            .contains("Idempotency-Key");
                }
            }
        });
        assertThat(withKey).contains("POST /events", "POST /bookings", "POST /holds");
    }

    @Test
    void notificationTypesAreAnEnum() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.CreateWebhook.properties.events.items.enum",
                        hasItem("booking.confirmed"))
                .body("components.schemas.CreateWebhook.properties.events.items.enum",
                        hasItem("ticket.checked_in"))
                .body("components.schemas.Webhook.properties.events.items.enum", hasItem("waitlist.offered"));
    }

    /** Calls {@code check} with every operation of the served document, named as "METHOD /path". */
    private static void eachOperation(BiConsumer<String, Map<?, ?>> check) {
        Map<String, Map<String, Map<?, ?>>> paths = given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath().getMap("paths");
        paths.forEach((path, item) -> item.forEach((method, operation) ->
                check.accept(method.toUpperCase(Locale.ROOT) + " " + path, operation)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/health", "/q/health/live", "/q/health/ready"})
    void healthEndpointsReportUp(String path) {
        given().get(path).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void healthOnTheInMemoryStoreChecksNoDatabase() {
        given().get("/q/health").then().statusCode(200)
                .body("checks.name", not(hasItem(containsStringIgnoringCase("database"))));
    }
}
