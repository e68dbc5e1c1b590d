package org.boxoffice.api;

import org.boxoffice.domain.SeatCounts;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code GET /events/{event_id}/seats}: the seed's three counts plus {@code held_seats}. */
@Schema(name = "SeatCounts", description = "booked_seats + held_seats + available_seats == total_seats")
@RegisterForReflection
public record SeatCountsResponse(int totalSeats, int bookedSeats, int availableSeats, int heldSeats) {

    static SeatCountsResponse of(SeatCounts counts) {
        return new SeatCountsResponse(counts.totalSeats(), counts.bookedSeats(), counts.availableSeats(),
                counts.heldSeats());
    }
}
