package org.boxoffice.domain;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** A run of consecutive seat numbers, both ends included. */
public record SeatRange(int first, int last) {

    public SeatRange {
        if (first < 1 || last < first) {
            throw new IllegalArgumentException("not a seat range: " + first + ".." + last);
        }
    }

    /** The runs of seats in {@code 1..totalSeats} whose bits are clear in {@code taken}, ascending. */
    public static List<SeatRange> freeRuns(BitSet taken, int totalSeats) {
        List<SeatRange> ranges = new ArrayList<>();
        int first = taken.nextClearBit(1);
        while (first <= totalSeats) {
            int end = taken.nextSetBit(first);
            int last = end < 0 || end > totalSeats ? totalSeats : end - 1;
            ranges.add(new SeatRange(first, last));
            first = taken.nextClearBit(last + 1);
        }
        return ranges;
    }
}
