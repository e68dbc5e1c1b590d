package org.boxoffice.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The seats one request asks for, checked against one event: at least one, at most the per-request
 * limit, none twice, all within {@code 1..totalSeats}. Held in ascending order.
 */
public final class SeatSelection {

    /** How many offending seat numbers a message names before it summarises the rest. */
    private static final int NAMED_IN_MESSAGE = 10;

    private final int[] seats;

    private SeatSelection(int[] ascendingSeats) {
        this.seats = ascendingSeats;
    }

    /** Checks every rule and reports every broken one at once, so a client can fix its request in one go. */
    public static SeatSelection of(List<Integer> requested, int totalSeats, BookingLimits limits) {
        if (requested == null || requested.isEmpty()) {
            throw new InvalidRequestException("seats", "must list at least one seat");
        }
        List<Violation> violations = new ArrayList<>();
        if (requested.size() > limits.maxSeatsPerRequest()) {
            violations.add(new Violation("seats", "must list at most " + limits.maxSeatsPerRequest()
                    + " seats, not " + requested.size()));
        }
        // Sorting the few requested seats finds repeats without allocating anything the size of the event.
        int[] sorted = new int[requested.size()];
        int count = 0;
        List<Integer> outside = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            Integer seat = requested.get(i);
            if (seat == null) {
                violations.add(new Violation("seats[" + i + "]", "must be a seat number, not null"));
            } else if (seat < 1 || seat > totalSeats) {
                outside.add(seat);
            } else {
                sorted[count++] = seat;
            }
        }
        Arrays.sort(sorted, 0, count);
        List<Integer> repeated = new ArrayList<>();
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (distinct > 0 && sorted[distinct - 1] == sorted[i]) {
                if (repeated.isEmpty() || repeated.get(repeated.size() - 1) != sorted[i]) {
                    repeated.add(sorted[i]);
                }
            } else {
                sorted[distinct++] = sorted[i];
            }
        }
        if (!outside.isEmpty()) {
            violations.add(new Violation("seats", "seat numbers must lie in 1.." + totalSeats + "; outside: "
                    + name(outside)));
        }
        if (!repeated.isEmpty()) {
            violations.add(new Violation("seats", "must not repeat a seat; repeated: " + name(repeated)));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new SeatSelection(Arrays.copyOf(sorted, distinct));
    }

    /**
     * Seats already checked elsewhere (chosen by best available, or read back from a store): they must
     * ascend strictly and be positive; the event's range was checked when they were first chosen.
     */
    public static SeatSelection ofAscending(int[] ascendingSeats) {
        for (int i = 1; i < ascendingSeats.length; i++) {
            if (ascendingSeats[i] <= ascendingSeats[i - 1]) {
                throw new IllegalArgumentException("chosen seats must ascend: " + Arrays.toString(ascendingSeats));
            }
        }
        if (ascendingSeats.length == 0 || ascendingSeats[0] < 1) {
            throw new IllegalArgumentException("chosen seats must be positive: " + Arrays.toString(ascendingSeats));
        }
        return new SeatSelection(ascendingSeats.clone());
    }

    private static String name(List<Integer> seats) {
        String named = seats.stream().limit(NAMED_IN_MESSAGE).map(String::valueOf).collect(Collectors.joining(", "));
        int rest = seats.size() - NAMED_IN_MESSAGE;
        return rest > 0 ? named + " and " + rest + " more" : named;
    }

    /** The seats in ascending order; a copy. */
    public int[] seats() {
        return seats.clone();
    }

    public IntStream stream() {
        return Arrays.stream(seats);
    }

    public int size() {
        return seats.length;
    }

    public int highest() {
        return seats[seats.length - 1];
    }

    public boolean contains(int seat) {
        return Arrays.binarySearch(seats, seat) >= 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SeatSelection that && Arrays.equals(seats, that.seats);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(seats);
    }

    @Override
    public String toString() {
        return Arrays.toString(seats);
    }
}
