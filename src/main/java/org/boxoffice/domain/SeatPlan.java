package org.boxoffice.domain;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * An event's seats at one instant, section by section and row by row: each row's span of seat numbers
 * and its free and held seats as ranges, so a 100,000-seat venue answers in a few kilobytes, with no
 * object per seat. Seats in neither list are booked. An event without a layout is one section of one
 * row.
 */
public record SeatPlan(EventId eventId, List<SectionPlan> sections) {

    /** The name of the one section (and the label of its one row) of an event without a layout. */
    public static final String UNLAID = "Seats";

    public SeatPlan {
        sections = List.copyOf(sections);
    }

    public record SectionPlan(String name, String category, List<RowPlan> rows) {

        public SectionPlan {
            rows = List.copyOf(rows);
        }
    }

    /** A row: its seats {@code first..last} (event-wide numbers), and which of them are free and held. */
    public record RowPlan(String label, int first, int last, List<SeatRange> free, List<SeatRange> held) {

        public RowPlan {
            free = List.copyOf(free);
            held = List.copyOf(held);
        }
    }

    /**
     * The plan of an event whose seats are taken and held as given.
     *
     * @param taken bit {@code n} set when seat {@code n} is booked or held
     * @param held bit {@code n} set when seat {@code n} is held by a live hold
     */
    public static SeatPlan of(Event event, BitSet taken, BitSet held) {
        Layout layout = event.layout();
        if (layout == null) {
            RowPlan row = new RowPlan(UNLAID, 1, event.totalSeats(), SeatRange.runs(taken, false, 1, event.totalSeats()),
                    SeatRange.runs(held, true, 1, event.totalSeats()));
            return new SeatPlan(event.id(), List.of(new SectionPlan(UNLAID, null, List.of(row))));
        }
        List<SectionPlan> sections = new ArrayList<>();
        int row = 0;
        for (Layout.Section section : layout.sections()) {
            List<RowPlan> rows = new ArrayList<>();
            for (Layout.Row seats : section.rows()) {
                int first = layout.firstSeat(row);
                int last = layout.lastSeat(row);
                rows.add(new RowPlan(seats.label(), first, last, SeatRange.runs(taken, false, first, last),
                        SeatRange.runs(held, true, first, last)));
                row++;
            }
            sections.add(new SectionPlan(section.name(), section.category(), rows));
        }
        return new SeatPlan(event.id(), sections);
    }
}
