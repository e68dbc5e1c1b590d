package org.boxoffice.domain;

/** How a hold names its seats: explicitly, or as a number of the best seats still free. */
public sealed interface SeatChoice {

    /** These seats exactly. */
    record Explicit(SeatSelection seats) implements SeatChoice {
    }

    /** Any {@code quantity} seats, chosen by {@link BestAvailable}. */
    record BestOf(int quantity) implements SeatChoice {
    }

    /** Checks a best-available quantity against the per-request limit. */
    public static SeatChoice bestOf(int quantity, BookingLimits limits) {
        if (quantity < 1 || quantity > limits.maxSeatsPerRequest()) {
            throw new InvalidRequestException("quantity", "must be a whole number from 1 to "
                    + limits.maxSeatsPerRequest());
        }
        return new BestOf(quantity);
    }
}
