package org.boxoffice.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /webhooks}; the rules are checked together, each broken one named by its field. */
@Schema(name = "CreateWebhook")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreateWebhookRequest(
        @Schema(description = "Where to POST the notifications: https, and not a loopback, private or link-local"
                + " address (unless boxoffice.webhooks.allow-private-targets)", examples = "https://example.com/hooks")
        String url,
        @Schema(description = "The notification types to receive",
                examples = "[\"booking.confirmed\", \"booking.cancelled\"]")
        List<String> events) {
}
