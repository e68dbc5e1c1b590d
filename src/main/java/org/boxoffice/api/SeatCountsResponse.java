package org.boxoffice.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.boxoffice.domain.SeatCounts;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code GET /events/{event_id}/seats}: the seed's three counts plus {@code held_seats}. */
@Schema(name = "SeatCounts", description = "booked_seats + held_seats + available_seats == total_seats")
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SeatCountsResponse(int totalSeats, int bookedSeats, int availableSeats, int heldSeats) {

    static SeatCountsResponse of(SeatCounts counts) {
        return new SeatCountsResponse(counts.totalSeats(), counts.bookedSeats(), counts.availableSeats(),
                counts.heldSeats());
    }
}
