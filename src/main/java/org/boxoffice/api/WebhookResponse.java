package org.boxoffice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.boxoffice.domain.NotificationType;
import org.boxoffice.domain.webhooks.Webhook;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A webhook subscription; its secret is shown only when made (POST /webhooks, POST .../rotate-secret), never
 * again: not in a replay of the same Idempotency-Key either, as only the webhook keeps it, sealed.
 */
@Schema(name = "Webhook")
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WebhookResponse(UUID webhookId, String url,
        @Schema(description = "The notification types it receives") List<String> events,
        @Schema(description = "active, or disabled (its receiver answered 410 Gone)", examples = ACTIVE,
                enumeration = {ACTIVE, DISABLED})
        String status,
        @Schema(description = "Whether it was made by an admin to receive every event's notifications, not only its"
                + " owner's. It does while its owner keeps showing the admin role: each call of theirs to /webhooks"
                + " with it renews that for boxoffice.webhooks.all-events-for (default 7 days); a call without it"
                + " ends that at once")
        boolean allEvents,
        Instant createdAt,
        @Schema(description = "When it was disabled, once it is") Instant disabledAt,
        @Schema(description = "The signing secret (whsec_ and base64); only in the answer that made it, not in a"
                + " replay (Idempotent-Replayed: true), which a lost answer's retry gets: rotate the secret then",
                examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret) {

    static final String ACTIVE = "active";
    static final String DISABLED = "disabled";

    static WebhookResponse of(Webhook webhook) {
        return of(webhook, null);
    }

    /** This answer without its secret: what a replay of it shows. */
    WebhookResponse withoutSecret() {
        return new WebhookResponse(webhookId, url, events, status, allEvents, createdAt, disabledAt, null);
    }

    /** With its newest secret: the answer that made it. */
    static WebhookResponse withSecret(Webhook webhook) {
        return of(webhook, webhook.currentSecret());
    }

    private static WebhookResponse of(Webhook webhook, String secret) {
        return new WebhookResponse(webhook.id().value(), webhook.url().value(),
                EnumSet.copyOf(webhook.types()).stream().map(NotificationType::wireName).toList(),
                webhook.isActive() ? ACTIVE : DISABLED, webhook.everyEvent(), webhook.createdAt(),
                webhook.disabledAt(), secret);
    }
}
