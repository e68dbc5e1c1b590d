package org.boxoffice.domain;

import java.util.Objects;

/** How a hold names its seats: explicitly, or as a number of the best seats still free. */
public sealed interface SeatChoice {

    /** The best seats of a scope free at this instant, as {@link BestAvailable} chooses them. */
    @FunctionalInterface
    interface BestSeats {
        SeatSelection choose(int quantity, SeatScope scope);
    }

    /** How many seats this choice asks for. */
    int size();

    /**
     * The seats this choice stands for now.
     *
     * @param bestAvailable asked only by a best-available choice
     */
    SeatSelection resolve(BestSeats bestAvailable);

    /** These seats exactly. */
    record Explicit(SeatSelection seats) implements SeatChoice {

        @Override
        public int size() {
            return seats.size();
        }

        @Override
        public SeatSelection resolve(BestSeats bestAvailable) {
            return seats;
        }
    }

    /** Any {@code quantity} seats of the scope, chosen by {@link BestAvailable}. */
    record BestOf(int quantity, SeatScope scope) implements SeatChoice {

        public BestOf {
            Objects.requireNonNull(scope, "scope");
        }

        /** Any {@code quantity} seats of the event. */
        public BestOf(int quantity) {
            this(quantity, SeatScope.ANYWHERE);
        }

        @Override
        public int size() {
            return quantity;
        }

        @Override
        public SeatSelection resolve(BestSeats bestAvailable) {
            return bestAvailable.choose(quantity, scope);
        }
    }

    /** Checks a best-available quantity against the per-request limit. */
    static SeatChoice bestOf(int quantity, SeatScope scope, BookingLimits limits) {
        if (quantity < 1 || quantity > limits.maxSeatsPerRequest()) {
            throw new InvalidRequestException("quantity", "must be a whole number from 1 to "
                    + limits.maxSeatsPerRequest());
        }
        return new BestOf(quantity, scope);
    }
}
