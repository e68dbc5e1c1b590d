package org.boxoffice.domain;

import java.util.function.IntFunction;

/** How a hold names its seats: explicitly, or as a number of the best seats still free. */
public sealed interface SeatChoice {

    /** How many seats this choice asks for. */
    int size();

    /**
     * The seats this choice stands for now.
     *
     * @param bestAvailable the best {@code n} seats free at this instant ({@link BestAvailable}); asked only
     *     by a best-available choice
     */
    SeatSelection resolve(IntFunction<SeatSelection> bestAvailable);

    /** These seats exactly. */
    record Explicit(SeatSelection seats) implements SeatChoice {

        @Override
        public int size() {
            return seats.size();
        }

        @Override
        public SeatSelection resolve(IntFunction<SeatSelection> bestAvailable) {
            return seats;
        }
    }

    /** Any {@code quantity} seats, chosen by {@link BestAvailable}. */
    record BestOf(int quantity) implements SeatChoice {

        @Override
        public int size() {
            return quantity;
        }

        @Override
        public SeatSelection resolve(IntFunction<SeatSelection> bestAvailable) {
            return bestAvailable.apply(quantity);
        }
    }

    /** Checks a best-available quantity against the per-request limit. */
    static SeatChoice bestOf(int quantity, BookingLimits limits) {
        if (quantity < 1 || quantity > limits.maxSeatsPerRequest()) {
            throw new InvalidRequestException("quantity", "must be a whole number from 1 to "
                    + limits.maxSeatsPerRequest());
        }
        return new BestOf(quantity);
    }
}
