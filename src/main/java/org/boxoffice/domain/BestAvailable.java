package org.boxoffice.domain;

import java.util.BitSet;

/**
 * Chooses {@code quantity} free seats the way a box office clerk would: side by side when any run of
 * free seats is long enough, preferring a run that does not leave one lonely free seat behind (a seat
 * nobody buying in pairs will ever take), lowest numbers first; and when no run is long enough, the
 * lowest free seats.
 */
public final class BestAvailable {

    private BestAvailable() {
    }

    /**
     * Chooses seats for a best-available request.
     *
     * @param taken bit {@code n} set when seat {@code n} is taken
     * @throws NotEnoughSeatsException if fewer than {@code quantity} seats are free
     */
    public static SeatSelection select(BitSet taken, int totalSeats, int quantity) {
        int[] chosen = choose(taken, totalSeats, quantity);
        if (chosen == null) {
            int free = totalSeats - taken.get(1, totalSeats + 1).cardinality();
            throw new NotEnoughSeatsException(quantity, free);
        }
        return SeatSelection.ofAscending(chosen);
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
