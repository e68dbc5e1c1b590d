package org.boxoffice.domain;

import java.util.BitSet;
import java.util.List;

/**
 * Chooses {@code quantity} free seats the way a box office clerk would. Both stores call it, each with
 * the seats taken at the instant of the request, and claim what it chose in the same atomic step.
 *
 * <p>On a laid-out venue ({@link Layout}), in this order of importance:
 * <ol>
 *   <li>all seats in one row, side by side, when any row of the scope has that many adjacent free seats;</li>
 *   <li>never a single free seat stranded between taken seats or at a row's end, when another choice
 *       avoids it (a seat nobody buying in pairs will ever take);</li>
 *   <li>earlier rows first (a section's first row is its front; sections in layout order);</li>
 *   <li>within a row, the seats nearest its middle (then the leftmost);</li>
 *   <li>when no row has enough adjacent seats: the fewest adjacent rows of one section that have enough
 *       between them, front first, taking each row's longest runs nearest its middle; and failing that,
 *       the free seats of the scope front to back.</li>
 * </ol>
 *
 * <p>On an event without a layout the seats are one long row numbered from 1, and the choice is as it
 * always was: side by side when any run of free seats is long enough, preferring a run that strands no
 * seat, lowest numbers first; otherwise the lowest free seats.
 */
public final class BestAvailable {

    private BestAvailable() {
    }

    /**
     * Chooses seats for a best-available request on this event.
     *
     * @param taken bit {@code n} set when seat {@code n} is taken
     * @throws NotEnoughSeatsException if fewer than {@code quantity} seats of the scope are free
     * @throws InvalidRequestException if the scope names a section or category the event does not have
     */
    public static SeatSelection select(Event event, BitSet taken, int quantity, SeatScope scope) {
        Layout layout = event.layout();
        return select(layout, layout == null ? null : new RowRuns(layout, taken), taken, event.totalSeats(), quantity,
                scope);
    }

    /** The choice, with the rows' runs (when laid out) kept up to date by the caller. */
    static SeatSelection select(Layout layout, RowRuns runs, BitSet taken, int totalSeats, int quantity,
            SeatScope scope) {
        if (layout == null) {
            if (!scope.isAnywhere()) {
                throw new InvalidRequestException("section", "this event has no sections");
            }
            int[] chosen = choose(taken, totalSeats, quantity);
            if (chosen == null) {
                throw new NotEnoughSeatsException(quantity, totalSeats - taken.get(1, totalSeats + 1).cardinality());
            }
            return SeatSelection.ofAscending(chosen);
        }
        List<int[]> ranges = scope.rows(layout);
        int[] chosen = oneRow(layout, runs, taken, ranges, quantity, true);
        if (chosen == null) {
            chosen = oneRow(layout, runs, taken, ranges, quantity, false);
        }
        if (chosen == null) {
            chosen = adjacentRows(layout, runs, taken, ranges, quantity);
        }
        if (chosen == null) {
            int free = 0;
            for (int[] range : ranges) {
                for (int row = range[0]; row <= range[1]; row++) {
                    free += runs.free(row);
                }
            }
            throw new NotEnoughSeatsException(quantity, free);
        }
        return SeatSelection.ofAscending(chosen);
    }

    /**
     * The best block of {@code quantity} adjacent free seats in the front-most row that has one, or
     * null; with {@code clean}, only a block that strands no single seat.
     */
    private static int[] oneRow(Layout layout, RowRuns runs, BitSet taken, List<int[]> ranges, int quantity,
            boolean clean) {
        long wanted = clean ? RowRuns.bit(quantity) | RowRuns.atLeast(quantity + 2) : RowRuns.atLeast(quantity);
        for (int[] range : ranges) {
            // A row's mask only says "a run of about this length": long runs share one bit, so check the row.
            for (int row = runs.firstRow(range[0], range[1], wanted); row >= 0;
                    row = runs.firstRow(row + 1, range[1], wanted)) {
                int start = bestStart(layout, taken, row, quantity, clean);
                if (start > 0) {
                    return block(start, quantity);
                }
            }
        }
        return null;
    }

    /**
     * The first seat of the block nearest the row's middle (the leftmost of equals), or 0 if the row has
     * no block of {@code quantity} adjacent free seats (that strands nobody, with {@code clean}).
     */
    private static int bestStart(Layout layout, BitSet taken, int row, int quantity, boolean clean) {
        int first = layout.firstSeat(row);
        int last = layout.lastSeat(row);
        // Twice the distance from the row's middle, to stay in whole numbers.
        int middle = first + last;
        int best = 0;
        int bestDistance = Integer.MAX_VALUE;
        for (int start = taken.nextClearBit(first); start <= last; ) {
            int next = taken.nextSetBit(start);
            int end = next < 0 || next > last ? last : next - 1;
            for (int from = start; from + quantity - 1 <= end; from++) {
                int before = from - start;
                int after = end - (from + quantity - 1);
                if (clean && (before == 1 || after == 1)) {
                    continue;
                }
                int distance = Math.abs(2 * from + quantity - 1 - middle);
                if (distance < bestDistance) {
                    best = from;
                    bestDistance = distance;
                }
            }
            start = taken.nextClearBit(end + 1);
        }
        return best;
    }

    /**
     * When no row has a long enough run: the fewest adjacent rows of one section with enough free seats
     * between them, front first; failing any such rows (the free seats lie in several sections), the
     * scope's free seats front to back.
     */
    private static int[] adjacentRows(Layout layout, RowRuns runs, BitSet taken, List<int[]> ranges, int quantity) {
        int longest = 0;
        for (int[] range : ranges) {
            longest = Math.max(longest, range[1] - range[0] + 1);
        }
        for (int count = 2; count <= longest; count++) {
            for (int[] range : ranges) {
                int free = 0;
                for (int row = range[0]; row <= range[1]; row++) {
                    free += runs.free(row);
                    if (row - count >= range[0]) {
                        free -= runs.free(row - count);
                    }
                    if (row - count + 1 >= range[0] && free >= quantity) {
                        return takeFrom(layout, taken, List.of(new int[] {row - count + 1, row}), quantity);
                    }
                }
            }
        }
        return takeFrom(layout, taken, ranges, quantity);
    }

    /**
     * {@code quantity} free seats from these ranges of rows, front row first, each row's longest runs
     * first and nearest its middle; null if those rows have fewer free seats.
     */
    private static int[] takeFrom(Layout layout, BitSet taken, List<int[]> ranges, int quantity) {
        BitSet chosen = new BitSet();
        BitSet unavailable = (BitSet) taken.clone();
        int remaining = quantity;
        for (int[] range : ranges) {
            for (int row = range[0]; row <= range[1] && remaining > 0; row++) {
                for (int[] run = longestRun(layout, unavailable, row); run != null && remaining > 0;
                        run = longestRun(layout, unavailable, row)) {
                    int size = Math.min(remaining, run[1] - run[0] + 1);
                    int start = nearestMiddle(layout, row, run, size);
                    chosen.set(start, start + size);
                    unavailable.set(start, start + size);
                    remaining -= size;
                }
            }
        }
        return remaining > 0 ? null : chosen.stream().toArray();
    }

    /** The row's longest run of free seats (the leftmost of equals), as {@code [first, last]}, or null. */
    private static int[] longestRun(Layout layout, BitSet taken, int row) {
        int last = layout.lastSeat(row);
        int[] longest = null;
        for (int start = taken.nextClearBit(layout.firstSeat(row)); start <= last; ) {
            int next = taken.nextSetBit(start);
            int end = next < 0 || next > last ? last : next - 1;
            if (longest == null || end - start > longest[1] - longest[0]) {
                longest = new int[] {start, end};
            }
            start = taken.nextClearBit(end + 1);
        }
        return longest;
    }

    /** Where in the run a block of {@code size} seats lies nearest the row's middle. */
    private static int nearestMiddle(Layout layout, int row, int[] run, int size) {
        int ideal = (layout.firstSeat(row) + layout.lastSeat(row) - size + 1) / 2;
        return Math.max(run[0], Math.min(ideal, run[1] - size + 1));
    }

    /**
     * @param taken bit {@code n} set when seat {@code n} is taken
     * @return the chosen seats in ascending order, or {@code null} if fewer than {@code quantity} are free
     */
    static int[] choose(BitSet taken, int totalSeats, int quantity) {
        int strandingStart = -1;
        for (int first = taken.nextClearBit(1); first <= totalSeats; ) {
            int end = taken.nextSetBit(first);
            int last = end < 0 || end > totalSeats ? totalSeats : end - 1;
            int length = last - first + 1;
            if (length == quantity || length >= quantity + 2) {
                return block(first, quantity);
            }
            if (length == quantity + 1 && strandingStart < 0) {
                strandingStart = first;
            }
            first = taken.nextClearBit(last + 1);
        }
        if (strandingStart >= 0) {
            return block(strandingStart, quantity);
        }
        return lowestFree(taken, totalSeats, quantity);
    }

    private static int[] block(int first, int quantity) {
        int[] seats = new int[quantity];
        for (int i = 0; i < quantity; i++) {
            seats[i] = first + i;
        }
        return seats;
    }

    private static int[] lowestFree(BitSet taken, int totalSeats, int quantity) {
        int[] seats = new int[quantity];
        int seat = 0;
        for (int i = 0; i < quantity; i++) {
            seat = taken.nextClearBit(seat + 1);
            if (seat > totalSeats) {
                return null;
            }
            seats[i] = seat;
        }
        return seats;
    }
}
