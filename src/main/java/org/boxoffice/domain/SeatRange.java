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
        return runs(taken, false, 1, totalSeats);
    }

    /** The runs of seats in {@code first..last} whose bits are set (or, with {@code set} false, clear), ascending. */
    public static List<SeatRange> runs(BitSet bits, boolean set, int first, int last) {
        List<SeatRange> ranges = new ArrayList<>();
        int start = set ? bits.nextSetBit(first) : bits.nextClearBit(first);
        while (start >= 0 && start <= last) {
            int next = set ? bits.nextClearBit(start) : bits.nextSetBit(start);
            int end = next < 0 || next > last ? last : next - 1;
            ranges.add(new SeatRange(start, end));
            start = set ? bits.nextSetBit(end + 1) : bits.nextClearBit(end + 1);
        }
        return ranges;
    }
}
