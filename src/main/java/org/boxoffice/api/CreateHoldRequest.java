package org.boxoffice.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.boxoffice.domain.InvalidRequestException;
import org.boxoffice.domain.SeatScope;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /holds}: explicit seats, or a quantity of the best seats available. */
@Schema(name = "CreateHold", description = "{event_id, seats} or {event_id, quantity} (with an optional section or"
        + " category)")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreateHoldRequest(
        @Schema(examples = "f1d69c4a-b6c2-49bc-bd12-03979bc14f11")
        @NotNull(message = "is required")
        UUID eventId,

        @Schema(description = "Seat numbers to hold", examples = "[10, 11]")
        List<@NotNull(message = "must be a seat number, not null") Integer> seats,

        @Schema(description = "How many seats to hold, chosen best-available (side by side where possible)",
                examples = "4")
        Integer quantity,

        @Schema(description = "With quantity: only seats of this section", examples = "Stalls")
        String section,

        @Schema(description = "With quantity: only seats of sections of this price category", examples = "A")
        String category) {

    /** Refuses a body with both forms or neither, or a section or category without a quantity. */
    void checkForm() {
        if ((seats == null) == (quantity == null)) {
            throw new InvalidRequestException(seats == null ? "seats" : "quantity",
                    "send either seats or quantity, exactly one of them");
        }
        if (quantity == null && (section != null || category != null)) {
            throw new InvalidRequestException(section != null ? "section" : "category",
                    "goes with quantity (best available), not with named seats");
        }
    }

    /**
     * {@link #checkForm()} and {@link SeatScope}'s rule as the API document states them: seats, or quantity
     * with at most one of section and category; what a body must not be.
     */
    static org.eclipse.microprofile.openapi.models.media.Schema refused() {
        return Forms.refused(List.of(List.of("seats"), List.of("quantity")), List.of(List.of("seats", "quantity"),
                List.of("seats", "section"), List.of("seats", "category"), List.of("section", "category")));
    }

    /** Where best-available seats may be taken. */
    SeatScope scope() {
        return new SeatScope(section, category);
    }
}
