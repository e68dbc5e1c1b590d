package org.boxoffice.domain;

/** A run of consecutive seat numbers, both ends included. */
public record SeatRange(int first, int last) {

    public SeatRange {
        if (first < 1 || last < first) {
            throw new IllegalArgumentException("not a seat range: " + first + ".." + last);
        }
    }

    public int size() {
        return last - first + 1;
    }
}
