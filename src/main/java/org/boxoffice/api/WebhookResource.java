package org.boxoffice.api;

import static org.boxoffice.api.EventResource.IDEMPOTENCY_KEY_DOC;

import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.boxoffice.domain.InvalidRequestException;
import org.boxoffice.domain.UnknownIdException;
import org.boxoffice.domain.webhooks.Webhook;
import org.boxoffice.domain.WebhookId;
import org.boxoffice.service.WebhookService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /webhooks}: subscriptions to notifications, for organizers (their own events) and admins (every
 * event). Work here runs on a worker thread: subscribing resolves the URL's host.
 */
@Path("/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Signed CloudEvents POSTed to your URL when something happens: an organizer's"
        + " webhooks receive their own events' notifications, an admin's every event's")
public class WebhookResource {

    private final WebhookService webhooks;
    private final IdempotentRequests idempotent;
    private final Dispatch dispatch;

    public WebhookResource(WebhookService webhooks, IdempotentRequests idempotent, Dispatch dispatch) {
        this.webhooks = webhooks;
        this.idempotent = idempotent;
        this.dispatch = dispatch;
    }

    @POST
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to notification types; the answer holds the"
            + " signing secret, shown only here", description = "A replay of this request (the same Idempotency-Key)"
            + " answers the webhook without its secret: the secret is kept only with the webhook, sealed. If the"
            + " first answer was lost, rotate the secret with expire_old=true.")
    @APIResponse(responseCode = "201", description = "Subscribed",
            headers = @Header(name = HttpHeaders.LOCATION, description = "/webhooks/{webhook_id}",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a URL that is not https (or points at a"
            + " loopback, private or link-local address, or does not resolve), no types, or an unknown type")
    @APIResponse(responseCode = "409", description = "The first request with this Idempotency-Key is still running,"
            + " or quota-exceeded: the caller has boxoffice.max-webhooks-per-owner webhooks already")
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used for a different request")
    public Uni<Response> create(@NotNull(message = "is required: send a JSON object") CreateWebhookRequest body,
            @Parameter(description = IDEMPOTENCY_KEY_DOC) @HeaderParam(IdempotentRequests.HEADER) String key) {
        return dispatch.forCallerBlocking(caller -> idempotent.run(caller, key, "POST", "/webhooks", body, () -> {
            Webhook webhook = webhooks.subscribe(caller, body.url(), body.events());
            return Response.status(Response.Status.CREATED)
                    .header(HttpHeaders.LOCATION, "/webhooks/" + webhook.id())
                    .entity(WebhookResponse.withSecret(webhook))
                    .build();
        }, answer -> ((WebhookResponse) answer).withoutSecret()));
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List the caller's webhooks (an admin's: everyone's), oldest"
            + " first")
    @APIResponse(responseCode = "200", description = "The webhooks, without their secrets",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookResponse.class)))
    public Uni<List<WebhookResponse>> list() {
        return dispatch.forCallerBlocking(caller -> webhooks.list(caller).stream().map(WebhookResponse::of).toList());
    }

    @GET
    @Path("/{webhook_id}")
    @Operation(operationId = "getWebhook", summary = "Read one webhook")
    @APIResponse(responseCode = "200", description = "The webhook, without its secret",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    @APIResponse(responseCode = "404", description = "No such webhook of the caller's")
    public Uni<WebhookResponse> get(@PathParam("webhook_id") String webhookId) {
        return dispatch.forCallerBlocking(caller -> WebhookResponse.of(webhooks.find(caller, id(webhookId))));
    }

    @DELETE
    @Path("/{webhook_id}")
    @Operation(operationId = "deleteWebhook", summary = "Unsubscribe; deliveries not yet made are dropped")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such webhook of the caller's")
    public Uni<Response> delete(@PathParam("webhook_id") String webhookId) {
        return dispatch.forCallerBlocking(caller -> {
            webhooks.delete(caller, id(webhookId));
            return Response.noContent().build();
        });
    }

    @POST
    @Path("/{webhook_id}/rotate-secret")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "rotateWebhookSecret", summary = "Make a new signing secret, shown only in this answer;"
            + " the old one keeps signing beside it for 24 hours, or with expire_old=true stops at once")
    @APIResponse(responseCode = "200", description = "The webhook with its new secret",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    @APIResponse(responseCode = "400", description = "expire_old is neither true nor false")
    @APIResponse(responseCode = "404", description = "No such webhook of the caller's")
    public Uni<WebhookResponse> rotateSecret(@PathParam("webhook_id") String webhookId,
            @Parameter(description = "true: the old secrets stop signing at once (a leaked secret), and every attempt"
                    + " from then on is signed with the new one only; false (the default): they keep signing beside it"
                    + " for 24 hours, so receivers can switch without losing a delivery",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("expire_old") String expireOld) {
        boolean expire = flag("expire_old", expireOld);
        return dispatch.forCallerBlocking(caller ->
                WebhookResponse.withSecret(webhooks.rotateSecret(caller, id(webhookId), expire)));
    }

    @GET
    @Path("/{webhook_id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The webhook's latest deliveries, newest first")
    @APIResponse(responseCode = "200", description = "Up to 100 deliveries",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryResponse.class)))
    @APIResponse(responseCode = "404", description = "No such webhook of the caller's")
    public Uni<List<DeliveryResponse>> deliveries(@PathParam("webhook_id") String webhookId) {
        return dispatch.forCallerBlocking(caller -> webhooks.deliveries(caller, id(webhookId)).stream()
                .map(DeliveryResponse::of).toList());
    }

    private static boolean flag(String name, String text) {
        if (text == null || text.equals("false")) {
            return false;
        }
        if (text.equals("true")) {
            return true;
        }
        throw new InvalidRequestException(name, "must be true or false");
    }

    private static WebhookId id(String text) {
        return WebhookId.parse(text).orElseThrow(() -> new UnknownIdException("webhook", text));
    }
}
