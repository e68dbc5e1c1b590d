package org.boxoffice.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.UUID;
import org.boxoffice.domain.SeatPlan;
import org.boxoffice.domain.SeatRange;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code GET /events/{event_id}/seatmap}: each section and row with its span of seat numbers and
 * its free and held seats as {@code [first, last]} ranges (the rest are booked), so a 100,000-seat venue
 * answers in a few kilobytes. An event without a layout is one section of one row.
 */
@Schema(name = "SeatMap")
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SeatMapResponse(UUID eventId, List<Section> sections) {

    @Schema(name = "SeatMapSection")
    public record Section(String name, @Schema(nullable = true) String category, List<Row> rows) {
    }

    @Schema(name = "SeatMapRow")
    public record Row(String label,
            @Schema(description = "The row's first and last seat numbers", examples = "[1, 20]") int[] seats,
            @Schema(description = "Free seats, as ascending [first, last] ranges", examples = "[[1, 4], [9, 20]]")
            List<int[]> free,
            @Schema(description = "Seats held by live holds, as ascending [first, last] ranges", examples = "[[5, 6]]")
            List<int[]> held) {
    }

    static SeatMapResponse of(SeatPlan plan) {
        return new SeatMapResponse(plan.eventId().value(), plan.sections().stream()
                .map(section -> new Section(section.name(), section.category(), section.rows().stream()
                        .map(row -> new Row(row.label(), new int[] {row.first(), row.last()}, pairs(row.free()),
                                pairs(row.held())))
                        .toList()))
                .toList());
    }

    /** The ranges as {@code [first, last]} pairs, as {@code /seats/available} writes them too. */
    static List<int[]> pairs(List<SeatRange> ranges) {
        return ranges.stream().map(range -> new int[] {range.first(), range.last()}).toList();
    }
}
