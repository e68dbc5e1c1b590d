package org.boxoffice.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.api.ApiFixtures.assertProblem;
import static org.boxoffice.api.ApiFixtures.book;
import static org.boxoffice.api.ApiFixtures.createEvent;
import static org.boxoffice.api.ApiFixtures.createVenueEvent;
import static org.boxoffice.api.ApiFixtures.postJson;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;

/**
 * Tickets and check-in through the API: codes that an Ed25519 implementation other than the JDK's
 * (BouncyCastle) verifies with the published keys alone, QR codes that ZXing reads back, and every answer
 * of the door.
 */
@QuarkusTest
class CheckinTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

    private static List<Map<String, Object>> tickets(String bookingId) {
        return given().get("/bookings/" + bookingId + "/tickets").then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    private static String code(String bookingId, int index) {
        return (String) tickets(bookingId).get(index).get("code");
    }

    private static ValidatableResponse scan(String eventId, String code, String gate, String direction) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("gate", gate);
        if (direction != null) {
            body.put("direction", direction);
        }
        return postJson("/events/" + eventId + "/checkins", body);
    }

    @Test
    void everyLiveSeatIsATicketWhoseCodeAnotherImplementationVerifiesWithThePublishedKey() throws Exception {
        String eventId = createVenueEvent();
        String bookingId = book(eventId, 3, 4).statusCode(201).extract().path("booking_id");

        List<Map<String, Object>> items = tickets(bookingId);

        assertThat(items).extracting(item -> item.get("seat")).containsExactly(3, 4);
        assertThat(items.get(0).get("place")).isEqualTo(Map.of("seat", 3, "section", "Stalls", "row", "A",
                "number", 3));
        JsonNode jwks = JSON.readTree(given().get("/checkin/keys").then().statusCode(200).extract().asString());
        JsonNode key = jwks.path("keys").get(0);
        assertThat(key.path("kty").asText()).isEqualTo("OKP");
        assertThat(key.path("crv").asText()).isEqualTo("Ed25519");
        for (Map<String, Object> item : items) {
            String[] parts = ((String) item.get("code")).split("\\.");
            JsonNode header = JSON.readTree(BASE64URL.decode(parts[0]));
            assertThat(header.path("alg").asText()).isEqualTo("EdDSA");
            assertThat(header.path("kid").asText()).isEqualTo(key.path("kid").asText());
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(BASE64URL.decode(key.path("x").asText()), 0));
            byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
            verifier.update(signed, 0, signed.length);
            assertThat(verifier.verifySignature(BASE64URL.decode(parts[2]))).as("BouncyCastle verifies it").isTrue();
            JsonNode payload = JSON.readTree(BASE64URL.decode(parts[1]));
            assertThat(payload.path("event_id").asText()).isEqualTo(eventId);
            assertThat(payload.path("booking_id").asText()).isEqualTo(bookingId);
            assertThat(payload.path("ticket_id").asText()).isEqualTo(item.get("ticket_id"));
            assertThat(payload.path("seat").asInt()).isEqualTo(item.get("seat"));
        }
        given().post("/bookings/" + bookingId + "/cancel").then().statusCode(200);
        assertThat(tickets(bookingId)).as("a cancelled seat is no ticket").isEmpty();
        assertProblem(given().get("/bookings/" + UUID.randomUUID() + "/tickets").then(), 404);
    }

    @Test
    void aTicketsQrCodeIsItsCodeAsZxingReadsItBack() throws Exception {
        String eventId = createEvent(10);
        String bookingId = book(eventId, 7).statusCode(201).extract().path("booking_id");
        Map<String, Object> ticket = tickets(bookingId).get(0);

        String svg = given().get("/bookings/" + bookingId + "/tickets/" + ticket.get("ticket_id") + "/qr.svg").then()
                .statusCode(200).contentType("image/svg+xml").extract().asString();

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        assertThat(new Decoder().decode(modules(svg)).getText()).isEqualTo(ticket.get("code"));
        assertProblem(given().get("/bookings/" + bookingId + "/tickets/" + UUID.randomUUID() + "/qr.svg").then(), 404);
    }

    /** The dark modules of our SVG's path, without its quiet zone of 4 modules. */
    private static BitMatrix modules(String svg) {
        Matcher size = Pattern.compile("viewBox=\"0 0 (\\d+) ").matcher(svg);
        assertThat(size.find()).isTrue();
        int modules = Integer.parseInt(size.group(1)) - 8;
        BitMatrix bits = new BitMatrix(modules);
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z").matcher(svg);
        while (run.find()) {
            int x = Integer.parseInt(run.group(1)) - 4;
            int y = Integer.parseInt(run.group(2)) - 4;
            for (int i = 0; i < Integer.parseInt(run.group(3)); i++) {
                bits.set(x + i, y);
            }
        }
        return bits;
    }

    @Test
    void aTicketIsCheckedInOnceAndASecondEntryAnswers409WithTheFirstsTimeAndGate() {
        String eventId = createEvent(10);
        String bookingId = book(eventId, 5).statusCode(201).extract().path("booking_id");
        Map<String, Object> ticket = tickets(bookingId).get(0);
        String code = (String) ticket.get("code");

        String at = scan(eventId, code, "North 2", null).statusCode(200)
                .body("ticket_id", equalTo(ticket.get("ticket_id")))
                .body("seat", equalTo(5))
                .body("status", equalTo("checked-in"))
                .body("gate", equalTo("North 2"))
                .body("at", notNullValue())
                .extract().path("at");

        assertProblem(scan(eventId, code, "South", "entry"), 409)
                .body("type", equalTo("urn:boxoffice:problem:already-checked-in"))
                .body("at", equalTo(at))
                .body("gate", equalTo("North 2"));
        scan(eventId, code, "South", "exit").statusCode(200).body("status", equalTo("checked-out"));
        assertProblem(scan(eventId, code, "South", "exit"), 409)
                .body("type", equalTo("urn:boxoffice:problem:not-checked-in"));
        scan(eventId, code, "East", "entry").statusCode(200).body("gate", equalTo("East"));
        given().get("/events/" + eventId + "/report").then().statusCode(200).body("checked_in", equalTo(1))
                .body("categories[0].checked_in", equalTo(1));
    }

    @Test
    void aScannersRetryWithItsIdempotencyKeyAnswersTheSame() {
        String eventId = createEvent(10);
        String code = code(book(eventId, 6).statusCode(201).extract().path("booking_id"), 0);
        String key = "scan-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("code", code, "gate", "West", "direction", "entry");

        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/events/" + eventId + "/checkins").then().statusCode(200).extract().asString();
        String again = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/events/" + eventId + "/checkins").then().statusCode(200)
                .header("Idempotent-Replayed", "true").extract().asString();

        assertThat(again).isEqualTo(first);
    }

    @Test
    void theTicketOfACancelledSeatAnswers409TicketCancelled() {
        String eventId = createEvent(10);
        String bookingId = book(eventId, 1, 2).statusCode(201).extract().path("booking_id");
        String code = code(bookingId, 1);
        postJson("/bookings/" + bookingId + "/cancel", Map.of("seats", List.of(2))).statusCode(200);

        assertProblem(scan(eventId, code, "North", null), 409)
                .body("type", equalTo("urn:boxoffice:problem:ticket-cancelled"));
    }

    @Test
    void aForgedAnAlteredOrAnotherEventsCodeAnswers400InvalidTicketAndChangesNothing() throws Exception {
        String eventId = createEvent(10);
        String bookingId = book(eventId, 8, 9).statusCode(201).extract().path("booking_id");
        String code = code(bookingId, 0);
        String[] parts = code.split("\\.");

        ObjectNode payload = (ObjectNode) JSON.readTree(BASE64URL.decode(parts[1]));
        payload.put("seat", 9);
        String altered = parts[0] + "." + ENCODE.encodeToString(JSON.writeValueAsBytes(payload)) + "." + parts[2];
        Ed25519Signer forger = new Ed25519Signer();
        forger.init(true, new Ed25519PrivateKeyParameters(new SecureRandom()));
        byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        forger.update(input, 0, input.length);
        String forged = parts[0] + "." + parts[1] + "." + ENCODE.encodeToString(forger.generateSignature());
        String otherEvent = createEvent(10);
        String otherCode = code(book(otherEvent, 8).statusCode(201).extract().path("booking_id"), 0);

        for (String bad : List.of(altered, forged, otherCode, "not-a-code", parts[0] + "." + parts[1] + ".")) {
            assertProblem(scan(eventId, bad, "North", null), 400)
                    .body("type", equalTo("urn:boxoffice:problem:invalid-ticket"));
        }
        scan(eventId, code, "North", null).statusCode(200);
        scan(eventId, code(bookingId, 1), "North", null).statusCode(200).body("seat", equalTo(9));
    }

    @Test
    void aScanWithoutItsFieldsAnswers400AndOfAnUnknownEvent404() {
        String eventId = createEvent(10);
        String code = code(book(eventId, 3).statusCode(201).extract().path("booking_id"), 0);

        assertProblem(postJson("/events/" + eventId + "/checkins", Map.of("gate", "North")), 400)
                .body("errors[0].field", equalTo("code"));
        assertProblem(postJson("/events/" + eventId + "/checkins", Map.of("code", code)), 400)
                .body("errors[0].field", equalTo("gate"));
        assertProblem(scan(eventId, code, " ", null), 400).body("errors[0].field", equalTo("gate"));
        assertProblem(scan(eventId, code, "North", "sideways"), 400).body("errors[0].field", equalTo("direction"));
        assertProblem(scan(UUID.randomUUID().toString(), code, "North", null), 404);
        scan(eventId, code, "North", null).statusCode(200);
    }
}
