package org.boxoffice.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Base64;
import java.util.List;
import org.boxoffice.service.TicketService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /checkin/keys}: the public keys that verify ticket codes offline, for scanners and anyone else;
 * no token needed ({@link Unauthenticated}).
 */
@Path("/checkin/keys")
@Tag(name = "Check-in")
public class CheckinKeysResource {

    private final TicketService tickets;

    public CheckinKeysResource(TicketService tickets) {
        this.tickets = tickets;
    }

    /** A JWKS (RFC 7517) of Ed25519 public keys (RFC 8037). */
    @Schema(name = "CheckinKeys", description = "A JSON Web Key Set of the public keys that verify ticket codes")
    @RegisterForReflection
    public record KeysResponse(List<Jwk> keys) {
    }

    /** One public key, as RFC 8037 writes an Ed25519 key. */
    @Schema(name = "CheckinKey")
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.LowerCaseStrategy.class)
    public record Jwk(@Schema(examples = "OKP") String kty, @Schema(examples = "Ed25519") String crv,
            @Schema(description = "Its RFC 7638 thumbprint, as the kid of the codes it signs") String kid,
            @Schema(description = "The public key, base64url") String x,
            @Schema(examples = "sig") String use, @Schema(examples = "EdDSA") String alg) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCheckinKeys", summary = "The public keys that verify ticket codes offline (a JWKS),"
            + " the signing key first; anyone may read them")
    @APIResponse(responseCode = "200", description = "The keys",
            content = @Content(schema = @Schema(implementation = KeysResponse.class)))
    public KeysResponse keys() {
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        return new KeysResponse(tickets.keys().stream().map(key -> new Jwk("OKP", "Ed25519", key.id(),
                base64url.encodeToString(key.publicKey()), "sig", "EdDSA")).toList());
    }
}
