package org.boxoffice.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.boxoffice.domain.SeatRange;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code GET /events/{event_id}/seats/available}: free seats as {@code [first, last]} pairs. */
@Schema(name = "AvailableSeats")
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AvailableSeatsResponse(
        @Schema(description = "Ascending, inclusive [first, last] runs of free seats.",
                examples = "[[1, 120], [125, 500]]")
        List<int[]> ranges) {

    static AvailableSeatsResponse of(List<SeatRange> ranges) {
        return new AvailableSeatsResponse(SeatMapResponse.pairs(ranges));
    }
}
