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
import org.boxoffice.domain.Webhook;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook subscription; its secret is shown only when made (POST /webhooks, POST .../rotate-secret). */
@Schema(name = "Webhook")
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WebhookResponse(UUID webhookId, String url,
        @Schema(description = "The notification types it receives") List<String> events,
        @Schema(description = "active, or disabled (its receiver answered 410 Gone)", examples = "active")
        String status,
        @Schema(description = "Whether it receives every event's notifications (an admin's), not only its owner's")
        boolean allEvents,
        Instant createdAt,
        @Schema(description = "When it was disabled, once it is") Instant disabledAt,
        @Schema(description = "The signing secret (whsec_ and base64); only in the answer that made it",
                examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret) {

    static WebhookResponse of(Webhook webhook) {
        return of(webhook, null);
    }

    /** With its newest secret: the answer that made it. */
    static WebhookResponse withSecret(Webhook webhook) {
        return of(webhook, webhook.currentSecret());
    }

    private static WebhookResponse of(Webhook webhook, String secret) {
        return new WebhookResponse(webhook.id().value(), webhook.url().toString(),
                EnumSet.copyOf(webhook.types()).stream().map(NotificationType::wireName).toList(),
                webhook.isActive() ? "active" : "disabled", webhook.everyEvent(), webhook.createdAt(),
                webhook.disabledAt(), secret);
    }
}
