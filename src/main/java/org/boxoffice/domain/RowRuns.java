package org.boxoffice.domain;

import java.util.BitSet;

/**
 * For each row of a layout, which lengths of free runs (side-by-side free seats) it has and how many
 * free seats, with a tree over the rows that finds the first row having a run of a wanted length in
 * logarithmic time. It is what makes a best-available choice on a 100,000-seat venue cost about as much
 * as booking named seats: without it, every choice would walk every row.
 *
 * <p>A row's lengths are a 64-bit mask: bit {@code n} (1..62) when it has a run of exactly {@code n}
 * free seats, bit 63 when it has one of 63 or more. Not thread-safe; kept in step with the seats by
 * {@link #refresh} after every change.
 */
final class RowRuns {

    static final int LONG_RUN = 63;

    private final Layout layout;
    private final BitSet taken;
    private final int leaves;
    /** Leaves at {@code leaves + row}; each inner node the OR of its two children. */
    private final long[] tree;
    private final int[] free;

    /** @param taken bit {@code n} set when seat {@code n} is taken; read, never written, here */
    RowRuns(Layout layout, BitSet taken) {
        this.layout = layout;
        this.taken = taken;
        int rows = layout.rowCount();
        this.leaves = Integer.highestOneBit(Math.max(1, rows - 1)) << 1;
        this.tree = new long[2 * leaves];
        this.free = new int[rows];
        for (int row = 0; row < rows; row++) {
            tree[leaves + row] = scan(row);
        }
        for (int node = leaves - 1; node > 0; node--) {
            tree[node] = tree[2 * node] | tree[2 * node + 1];
        }
    }

    /** The bit of a run length in a row's mask. */
    static long bit(int length) {
        return 1L << Math.min(length, LONG_RUN);
    }

    /** Every bit for runs of at least {@code length} seats. */
    static long atLeast(int length) {
        return length >= LONG_RUN ? bit(LONG_RUN) : -1L << length;
    }

    /** Brings the rows of these seats up to date after they changed. */
    void refresh(SeatSelection seats) {
        int lastRow = -1;
        for (int seat : seats.seats()) {
            int row = layout.rowOf(seat);
            if (row != lastRow) {
                update(row);
                lastRow = row;
            }
        }
    }

    /** The first row in {@code from..to} whose mask shares a bit with {@code wanted}, or -1. */
    int firstRow(int from, int to, long wanted) {
        return to < from ? -1 : first(1, 0, leaves - 1, from, to, wanted);
    }

    /** How many seats of the row are free. */
    int free(int row) {
        return free[row];
    }

    private int first(int node, int low, int high, int from, int to, long wanted) {
        if (high < from || low > to || (tree[node] & wanted) == 0) {
            return -1;
        }
        if (low == high) {
            return low;
        }
        int middle = (low + high) >>> 1;
        int left = first(2 * node, low, middle, from, to, wanted);
        return left >= 0 ? left : first(2 * node + 1, middle + 1, high, from, to, wanted);
    }

    private void update(int row) {
        int node = leaves + row;
        tree[node] = scan(row);
        for (node >>>= 1; node > 0; node >>>= 1) {
            tree[node] = tree[2 * node] | tree[2 * node + 1];
        }
    }

    private long scan(int row) {
        int last = layout.lastSeat(row);
        long mask = 0;
        int count = 0;
        for (int start = taken.nextClearBit(layout.firstSeat(row)); start <= last; ) {
            int next = taken.nextSetBit(start);
            int end = next < 0 || next > last ? last : next - 1;
            mask |= bit(end - start + 1);
            count += end - start + 1;
            start = taken.nextClearBit(end + 1);
        }
        free[row] = count;
        return mask;
    }
}
