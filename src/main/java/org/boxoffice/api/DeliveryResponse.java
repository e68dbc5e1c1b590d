package org.boxoffice.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;
import org.boxoffice.domain.webhooks.Delivery;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One notification's way to a webhook. */
@Schema(name = "Delivery")
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeliveryResponse(
        @Schema(description = "The CloudEvent's id, sent as webhook-id: the same on every attempt") UUID id,
        @Schema(examples = "booking.confirmed") String type,
        @Schema(description = "Attempts made so far") int attempts,
        @Schema(description = "The receiver's last HTTP status; null before the first answer or after a timeout",
                nullable = true) Integer lastStatus,
        @Schema(description = "When it is tried next; null once delivered or failed", nullable = true)
        Instant nextAttemptAt,
        @Schema(description = "pending, delivered or failed", examples = "delivered") String state) {

    static DeliveryResponse of(Delivery delivery) {
        return new DeliveryResponse(delivery.notificationId().value(), delivery.type().wireName(), delivery.attempts(),
                delivery.lastStatus(), delivery.nextAttemptAt(), delivery.state().wireName());
    }
}
