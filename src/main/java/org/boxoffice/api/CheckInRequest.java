package org.boxoffice.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotNull;
import java.util.Locale;
import org.boxoffice.domain.CheckIn;
import org.boxoffice.domain.InvalidRequestException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /events/{event_id}/checkins}: a scanned code, at a gate, going in or out. */
@Schema(name = "CheckInRequest")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CheckInRequest(
        @Schema(description = "The ticket's code, as scanned from its QR code", maxLength = 2000)
        @NotNull(message = "is required")
        String code,

        @Schema(description = "Where it was scanned", examples = "North 2", maxLength = CheckIn.MAX_GATE_LENGTH)
        @NotNull(message = "is required")
        String gate,

        @Schema(description = "entry (the default) or exit", enumeration = {"entry", "exit"}, examples = "entry")
        String direction) {

    CheckIn.Direction way() {
        if (direction == null) {
            return CheckIn.Direction.ENTRY;
        }
        return switch (direction.toLowerCase(Locale.ROOT)) {
            case "entry" -> CheckIn.Direction.ENTRY;
            case "exit" -> CheckIn.Direction.EXIT;
            default -> throw new InvalidRequestException("direction", "must be entry or exit");
        };
    }
}
