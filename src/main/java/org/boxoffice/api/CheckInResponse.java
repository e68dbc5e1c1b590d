package org.boxoffice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;
import org.boxoffice.domain.CheckIn;
import org.boxoffice.domain.Layout;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a ticket stands after a scan at the door. */
@Schema(name = "CheckIn")
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CheckInResponse(UUID ticketId, @Schema(examples = "23") int seat,
        @Schema(description = "checked-in (inside) or checked-out", examples = "checked-in") String status,
        @Schema(description = "When this scan was accepted") Instant at,
        @Schema(examples = "North 2") String gate,
        UUID bookingId,
        @Schema(description = "Where the seat is; absent for an event without a layout")
        @JsonInclude(JsonInclude.Include.NON_NULL) Places.Place place) {

    static CheckInResponse of(CheckIn checkIn, Layout layout) {
        return new CheckInResponse(checkIn.ticket().id().value(), checkIn.ticket().seat(),
                checkIn.status().wireName(), checkIn.at(), checkIn.gate(), checkIn.ticket().bookingId().value(),
                Places.of(layout, checkIn.ticket().seat()));
    }
}
