package org.boxoffice.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a best-available request may take seats: anywhere, in one section (by name), or in the
 * sections of one price category. At most one of the two names is given.
 */
public record SeatScope(String section, String category) {

    public static final SeatScope ANYWHERE = new SeatScope(null, null);

    public SeatScope {
        if (section != null && category != null) {
            throw new InvalidRequestException("section", "send section or category, not both");
        }
    }

    public boolean isAnywhere() {
        return section == null && category == null;
    }

    /**
     * Refuses a scope the event cannot satisfy: a section or category it does not have, or any at all on
     * an event without a layout.
     *
     * @throws InvalidRequestException naming the field
     */
    public void checkFor(Event event) {
        if (isAnywhere()) {
            return;
        }
        if (event.layout() == null) {
            throw new InvalidRequestException(section != null ? "section" : "category",
                    "this event has no sections: it was created without a layout");
        }
        rows(event.layout());
    }

    /**
     * The layout's sections this scope covers, as ranges of rows {@code [first, last]} in layout order.
     *
     * @throws InvalidRequestException if it names a section or category the layout does not have
     */
    List<int[]> rows(Layout layout) {
        List<int[]> ranges = new ArrayList<>();
        List<Layout.Section> sections = layout.sections();
        for (int s = 0; s < sections.size(); s++) {
            boolean inScope = isAnywhere() || sections.get(s).name().equals(section)
                    || category != null && category.equals(sections.get(s).category());
            if (inScope) {
                ranges.add(layout.rowsOf(s));
            }
        }
        if (ranges.isEmpty()) {
            throw section != null
                    ? new InvalidRequestException("section", "is not a section of this event: " + section)
                    : new InvalidRequestException("category", "is not a category of this event: " + category);
        }
        return ranges;
    }
}
