package org.boxoffice.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /events/{event_id}/waitlist}. */
@Schema(name = "JoinWaitlist")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JoinWaitlistRequest(
        @Schema(description = "How many seats to wait for: at most boxoffice.max-seats-per-request and"
                + " boxoffice.max-held-seats-per-customer", examples = "2")
        @NotNull(message = "is required")
        Integer quantity) {
}
