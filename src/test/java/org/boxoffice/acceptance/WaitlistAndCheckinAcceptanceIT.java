package org.boxoffice.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;

/**
 * A sold-out event's waiting list and its tickets, as a customer, a scanner and anyone with the published
 * keys meet them: a freed seat offered to the first in line as a hold, booked; its ticket's code verified
 * offline by another implementation (BouncyCastle) with the keys read without a token; checked in once.
 */
class WaitlistAndCheckinAcceptanceIT extends AcceptanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    @Test
    void aFreedSeatGoesToTheFirstInLineWhoseTicketIsVerifiedOfflineAndCheckedInOnce() throws Exception {
        Caller organizer = organizer();
        String eventId = createEvent(organizer, 2);
        Caller first = customer();
        String soldOut = first.post("/bookings", Map.of("event_id", eventId, "seats", List.of(1, 2))).statusCode(201)
                .extract().path("booking_id");

        Caller waiting = caller("wanda", "customer");
        String entryId = waiting.post("/events/" + eventId + "/waitlist", Map.of("quantity", 1)).statusCode(201)
                .body("position", equalTo(1)).body("status", equalTo("waiting")).extract().path("entry_id");
        first.post("/bookings/" + soldOut + "/cancel", Map.of("seats", List.of(2))).statusCode(200);

        String holdId = waiting.get("/events/" + eventId + "/waitlist/" + entryId).statusCode(200)
                .body("status", equalTo("offered")).body("offer_expires_at", notNullValue())
                .extract().path("hold_id");
        String bookingId = waiting.post("/bookings", Map.of("hold_id", holdId)).statusCode(201)
                .body("seats", equalTo(List.of(2))).extract().path("booking_id");
        waiting.get("/events/" + eventId + "/waitlist/" + entryId).body("status", equalTo("accepted"));

        Map<String, Object> ticket = waiting.get("/bookings/" + bookingId + "/tickets").statusCode(200)
                .extract().jsonPath().getMap("items[0]");
        String code = (String) ticket.get("code");
        JsonNode keys = JSON.readTree(anonymous().get("/checkin/keys").then().statusCode(200).extract().asString());
        assertThat(verifiesOffline(code, keys)).as("BouncyCastle verifies the code with the published key").isTrue();
        waiting.given().get("/bookings/" + bookingId + "/tickets/" + ticket.get("ticket_id") + "/qr.svg").then()
                .statusCode(200).contentType(containsString("image/svg+xml"));

        Caller scanner = caller("sam", "scanner");
        Map<String, Object> scan = Map.of("code", code, "gate", "North 2", "direction", "entry");
        String at = scanner.post("/events/" + eventId + "/checkins", scan).statusCode(200)
                .body("status", equalTo("checked-in")).body("gate", equalTo("North 2")).extract().path("at");
        assertProblem(scanner.post("/events/" + eventId + "/checkins", Map.of("code", code, "gate", "South 1",
                "direction", "entry")), 409)
                .body("type", equalTo("urn:boxoffice:problem:already-checked-in"))
                .body("at", equalTo(at)).body("gate", equalTo("North 2"));
        assertProblem(customer().post("/events/" + eventId + "/checkins", scan), 403);
    }

    /** The code's Ed25519 signature checks out against the published key its header names. */
    private static boolean verifiesOffline(String code, JsonNode keys) throws Exception {
        String[] parts = code.split("\\.");
        JsonNode header = JSON.readTree(BASE64URL.decode(parts[0]));
        assertThat(header.path("alg").asText()).isEqualTo("EdDSA");
        for (JsonNode key : keys.path("keys")) {
            if (key.path("kid").asText().equals(header.path("kid").asText())) {
                Ed25519Signer verifier = new Ed25519Signer();
                verifier.init(false, new Ed25519PublicKeyParameters(BASE64URL.decode(key.path("x").asText()), 0));
                byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
                verifier.update(signed, 0, signed.length);
                return verifier.verifySignature(BASE64URL.decode(parts[2]));
            }
        }
        return false;
    }
}
