package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
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
                .body("components.securitySchemes", notNullValue())
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

    @ParameterizedTest
    @ValueSource(strings = {"/q/health", "/q/health/live", "/q/health/ready"})
    void healthEndpointsReportUp(String path) {
        given().get(path).then().statusCode(200).body("status", equalTo("UP"));
    }
}
