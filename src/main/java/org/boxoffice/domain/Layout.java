package org.boxoffice.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a venue's seats lie: sections (each with an optional price category) of rows of seats, the
 * first row of a section at its front. Seat numbers stay the event-wide {@code 1..totalSeats}, given
 * in layout order (section by section, row by row, left to right), so that every request naming
 * seats by number works on any event, laid out or not.
 */
public final class Layout {

    /** Longest section name, category or row label accepted. */
    public static final int MAX_NAME_LENGTH = 100;

    private final List<Section> sections;
    /** Per row, in layout order: its first seat number, its section's index, its index in the section. */
    private final int[] rowFirstSeat;
    private final int[] rowSection;
    private final int[] rowInSection;
    private final int totalSeats;

    /** One section: its rows, front first. {@code category} may be null. */
    public record Section(String name, String category, List<Row> rows) {

        public Section {
            // Nulls are kept for Layout.of to report, not thrown at while reading a request.
            rows = rows == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(rows));
        }
    }

    /** One row: its label and how many seats it has, numbered 1.. from the left. */
    public record Row(String label, int seats) {
    }

    /** Where a seat is: its event-wide number, its section and row, and its number within the row. */
    public record Place(int seat, String section, String row, int number) {
    }

    private Layout(List<Section> sections) {
        this.sections = List.copyOf(sections);
        int rows = sections.stream().mapToInt(s -> s.rows().size()).sum();
        rowFirstSeat = new int[rows];
        rowSection = new int[rows];
        rowInSection = new int[rows];
        int row = 0;
        int next = 1;
        for (int s = 0; s < sections.size(); s++) {
            List<Row> sectionRows = sections.get(s).rows();
            for (int r = 0; r < sectionRows.size(); r++) {
                rowFirstSeat[row] = next;
                rowSection[row] = s;
                rowInSection[row] = r;
                next += sectionRows.get(r).seats();
                row++;
            }
        }
        totalSeats = next - 1;
    }

    /**
     * Checks every rule a client can break and reports all that are broken, each by its domain path
     * ({@code layout.sections[1].rows[0].seats}): at least one section, names unique within the
     * event, at least one row per section, labels unique within a section, at least one seat per row,
     * at most {@code limits.maxSectionsPerLayout()} sections, {@code limits.maxRowsPerLayout()} rows and
     * {@code limits.maxSeatsPerEvent()} seats in all.
     */
    public static Layout of(List<Section> sections, BookingLimits limits) {
        List<Violation> violations = new ArrayList<>();
        if (sections == null || sections.isEmpty()) {
            throw new InvalidRequestException("layout.sections", "must list at least one section");
        }
        // Bounds before the checks of each section and row, which cost in proportion to them.
        if (sections.size() > limits.maxSectionsPerLayout()) {
            throw new InvalidRequestException("layout.sections", "must list at most " + limits.maxSectionsPerLayout()
                    + " sections, not " + sections.size());
        }
        long rowCount = sections.stream().filter(Objects::nonNull).mapToLong(section -> section.rows().size()).sum();
        if (rowCount > limits.maxRowsPerLayout()) {
            throw new InvalidRequestException("layout", "must have at most " + limits.maxRowsPerLayout()
                    + " rows in all, not " + rowCount);
        }
        Set<String> names = new HashSet<>();
        long total = 0;
        for (int s = 0; s < sections.size(); s++) {
            Section section = sections.get(s);
            String at = "layout.sections[" + s + "]";
            if (section == null) {
                violations.add(new Violation(at, "must be a section, not null"));
                continue;
            }
            checkName(at + ".name", section.name(), violations);
            if (section.name() != null && !names.add(section.name().strip())) {
                violations.add(new Violation(at + ".name", "must differ from every other section's name"));
            }
            if (section.category() != null) {
                checkName(at + ".category", section.category(), violations);
            }
            if (section.rows().isEmpty()) {
                violations.add(new Violation(at + ".rows", "must list at least one row"));
            }
            Set<String> labels = new HashSet<>();
            for (int r = 0; r < section.rows().size(); r++) {
                Row row = section.rows().get(r);
                String rowAt = at + ".rows[" + r + "]";
                if (row == null) {
                    violations.add(new Violation(rowAt, "must be a row, not null"));
                    continue;
                }
                checkName(rowAt + ".label", row.label(), violations);
                if (row.label() != null && !labels.add(row.label().strip())) {
                    violations.add(new Violation(rowAt + ".label", "must differ from every other row's label"
                            + " in its section"));
                }
                if (row.seats() < 1) {
                    violations.add(new Violation(rowAt + ".seats", "must be a whole number of at least 1"));
                } else {
                    total += row.seats();
                }
            }
        }
        if (total > limits.maxSeatsPerEvent()) {
            violations.add(new Violation("layout", "must have at most " + limits.maxSeatsPerEvent()
                    + " seats in all, not " + total));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new Layout(sections.stream().map(section -> new Section(section.name().strip(),
                section.category() == null ? null : section.category().strip(),
                section.rows().stream().map(row -> new Row(row.label().strip(), row.seats())).toList())).toList());
    }

    /** A layout read back from a store: checked when it was first made. */
    public static Layout restore(List<Section> sections) {
        return new Layout(sections);
    }

    private static void checkName(String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "must not be blank"));
        } else if (value.length() > MAX_NAME_LENGTH) {
            violations.add(new Violation(field, "must be at most " + MAX_NAME_LENGTH + " characters"));
        }
    }

    public List<Section> sections() {
        return sections;
    }

    public int totalSeats() {
        return totalSeats;
    }

    /** How many rows the venue has, in all sections. */
    public int rowCount() {
        return rowFirstSeat.length;
    }

    /** The first seat number of a row, counting rows over all sections in layout order. */
    public int firstSeat(int row) {
        return rowFirstSeat[row];
    }

    /** The last seat number of a row. */
    public int lastSeat(int row) {
        return row + 1 < rowFirstSeat.length ? rowFirstSeat[row + 1] - 1 : totalSeats;
    }

    /** The row a seat is in. */
    public int rowOf(int seat) {
        if (seat < 1 || seat > totalSeats) {
            throw new IllegalArgumentException("seat " + seat + " is not in 1.." + totalSeats);
        }
        int found = Arrays.binarySearch(rowFirstSeat, seat);
        return found >= 0 ? found : -found - 2;
    }

    /** The rows of one section, as indexes over all rows: {@code [first, last]}. */
    public int[] rowsOf(int section) {
        int first = 0;
        for (int s = 0; s < section; s++) {
            first += sections.get(s).rows().size();
        }
        return new int[] {first, first + sections.get(section).rows().size() - 1};
    }

    /** Where a seat is. */
    public Place place(int seat) {
        int row = rowOf(seat);
        Section section = sections.get(rowSection[row]);
        return new Place(seat, section.name(), section.rows().get(rowInSection[row]).label(),
                seat - rowFirstSeat[row] + 1);
    }

    /** The price categories the sections name. */
    public Set<String> categories() {
        Set<String> categories = new TreeSet<>();
        sections.forEach(section -> {
            if (section.category() != null) {
                categories.add(section.category());
            }
        });
        return categories;
    }

    /** The category of a seat's section, or null. */
    public String categoryOf(int seat) {
        return sections.get(rowSection[rowOf(seat)]).category();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Layout that && sections.equals(that.sections);
    }

    @Override
    public int hashCode() {
        return sections.hashCode();
    }

    @Override
    public String toString() {
        return "Layout" + sections;
    }
}
