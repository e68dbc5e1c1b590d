package org.boxoffice.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Runs only in the {@code lambda} build ({@code ./mvnw verify -Plambda}): raw API Gateway v2 (HTTP API)
 * events posted to the Lambda mock event server, and the raw Lambda responses checked as API Gateway
 * would read them: statusCode, headers, body.
 */
@QuarkusTest
class RawApiGatewayEventsTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode invoke(String method, String path, String body) throws Exception {
        ObjectNode event = json.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        event.putObject("headers").put("content-type", "application/json").put("accept", "application/json");
        ObjectNode context = event.putObject("requestContext");
        context.put("routeKey", "$default").put("stage", "$default").put("requestId", "test-" + System.nanoTime())
                .put("accountId", "123456789012").put("apiId", "boxoffice").put("domainName", "localhost")
                .put("timeEpoch", System.currentTimeMillis());
        context.putObject("http").put("method", method).put("path", path).put("protocol", "HTTP/1.1")
                .put("sourceIp", "127.0.0.1").put("userAgent", "raw-event-test");
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        String answer = given().contentType("application/json").body(json.writeValueAsString(event))
                .post("/_lambda_").then().statusCode(200).extract().asString();
        return json.readTree(answer);
    }

    private static String header(JsonNode response, String name) {
        JsonNode headers = response.path("headers");
        for (var it = headers.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (key.equalsIgnoreCase(name)) {
                return headers.get(key).asText();
            }
        }
        return null;
    }

    @Test
    void anEventIsCreatedBookedAndRefusedThroughRawLambdaEvents() throws Exception {
        JsonNode created = invoke("POST", "/events", "{\"name\":\"Lambda Live\",\"date_time\":\""
                + LocalDate.now().plusYears(1) + " 19:00\",\"venue\":\"Cloud Hall\",\"total_seats\":10}");
        assertThat(created.path("statusCode").asInt()).as(created.toString()).isEqualTo(201);
        String eventId = json.readTree(created.path("body").asText()).path("event_id").asText();
        assertThat(header(created, "Location")).isEqualTo("/events/" + eventId);

        JsonNode booked = invoke("POST", "/bookings", "{\"event_id\":\"" + eventId + "\",\"seats\":[1,2]}");
        assertThat(booked.path("statusCode").asInt()).as(booked.toString()).isEqualTo(201);
        assertThat(json.readTree(booked.path("body").asText()).path("status").asText()).isEqualTo("confirmed");

        JsonNode conflict = invoke("POST", "/bookings", "{\"event_id\":\"" + eventId + "\",\"seats\":[2,3]}");
        assertThat(conflict.path("statusCode").asInt()).isEqualTo(409);
        assertThat(header(conflict, "Content-Type")).startsWith("application/problem+json");
        assertThat(json.readTree(conflict.path("body").asText()).path("unavailable_seats").get(0).asInt())
                .isEqualTo(2);

        JsonNode invalid = invoke("POST", "/bookings", "{\"event_id\":\"" + eventId + "\",\"seats\":[0]}");
        assertThat(invalid.path("statusCode").asInt()).isEqualTo(400);
        assertThat(header(invalid, "Content-Type")).startsWith("application/problem+json");

        JsonNode counts = invoke("GET", "/events/" + eventId + "/seats", null);
        assertThat(counts.path("statusCode").asInt()).isEqualTo(200);
        assertThat(json.readTree(counts.path("body").asText()).path("booked_seats").asInt()).isEqualTo(2);
    }
}
