package org.boxoffice.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.boxoffice.domain.Layout;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A venue's layout as clients send and read it: sections of rows, the first row of a section at its
 * front. Seats number {@code 1..total_seats} in layout order: section by section, row by row, left
 * to right. Field names are single words, so no naming strategy is needed.
 */
@Schema(name = "Layout", description = "Sections of rows; seats are numbered 1..total_seats in layout order")
@RegisterForReflection
public record VenueLayout(List<Section> sections) {

    @Schema(name = "Section")
    public record Section(
            @Schema(examples = "Stalls", maxLength = Layout.MAX_NAME_LENGTH) String name,
            @Schema(description = "Price category (optional)", examples = "A", maxLength = Layout.MAX_NAME_LENGTH)
            String category,
            @Schema(description = "Front row first") List<Row> rows) {
    }

    @Schema(name = "Row")
    public record Row(
            @Schema(examples = "A", maxLength = Layout.MAX_NAME_LENGTH) String label,
            @Schema(description = "How many seats, numbered from the left", examples = "20", minimum = "1")
            Integer seats) {
    }

    /** The sections as the domain checks them; a missing seat count is zero, which the check refuses. */
    List<Layout.Section> toDomain() {
        if (sections == null) {
            return List.of();
        }
        return sections.stream().map(section -> section == null ? null
                : new Layout.Section(section.name(), section.category(), section.rows() == null ? null
                        : section.rows().stream().map(row -> row == null ? null
                                : new Layout.Row(row.label(), row.seats() == null ? 0 : row.seats())).toList()))
                .toList();
    }

    static VenueLayout of(Layout layout) {
        return layout == null ? null : new VenueLayout(layout.sections().stream()
                .map(section -> new Section(section.name(), section.category(), section.rows().stream()
                        .map(row -> new Row(row.label(), row.seats())).toList()))
                .toList());
    }
}
