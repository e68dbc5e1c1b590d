package org.boxoffice.domain;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Which seats of one event are taken. One bit per seat, so a 1,000,000-seat event costs about 125 KB.
 * It decides bookings all-or-nothing. Not thread-safe: a store serialises the calls for one event.
 */
public final class SeatMap {

    private final int totalSeats;
    /** Bit {@code n} is seat {@code n}; bit 0 is unused, which keeps the arithmetic plain. */
    private final BitSet booked;
    private int bookedCount;

    public SeatMap(int totalSeats) {
        if (totalSeats < 1) {
            throw new IllegalArgumentException("an event needs at least one seat");
        }
        this.totalSeats = totalSeats;
        this.booked = new BitSet(totalSeats + 1);
    }

    /** Books every seat of the selection, or, if any is taken, none, and says which were taken. */
    public void book(SeatSelection selection) {
        if (selection.highest() > totalSeats) {
            throw new IllegalArgumentException("selection " + selection + " was made for a larger event");
        }
        int[] taken = selection.stream().filter(booked::get).toArray();
        if (taken.length > 0) {
            throw new SeatsUnavailableException(taken);
        }
        selection.stream().forEach(booked::set);
        bookedCount += selection.size();
    }

    public boolean isBooked(int seat) {
        return booked.get(seat);
    }

    public SeatCounts counts() {
        return SeatCounts.of(totalSeats, bookedCount, 0);
    }

    /** The free seats as ascending runs, so a large event answers in a few numbers. */
    public List<SeatRange> availableRanges() {
        List<SeatRange> ranges = new ArrayList<>();
        int first = booked.nextClearBit(1);
        while (first <= totalSeats) {
            int end = booked.nextSetBit(first);
            int last = end < 0 || end > totalSeats ? totalSeats : end - 1;
            ranges.add(new SeatRange(first, last));
            first = booked.nextClearBit(last + 1);
        }
        return ranges;
    }

    /** Bytes held by the seat bits themselves: about {@code totalSeats / 8}. */
    public long seatBitsInBytes() {
        return (long) booked.size() / Byte.SIZE;
    }
}
