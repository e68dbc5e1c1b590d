package org.boxoffice.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Money given back for some seats of a booking when they were cancelled: at most what was paid for those
 * seats, and never twice for a seat.
 *
 * @param percent the share of the seats' price given back, by the refund policy ({@link #FULL_PERCENT} when
 *     the event was cancelled)
 */
public record Refund(SeatSelection seats, Money amount, int percent, Instant at) {

    /** Everything paid comes back: what an event's cancellation refunds. */
    public static final int FULL_PERCENT = 100;

    public Refund {
        Objects.requireNonNull(seats, "seats");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(at, "at");
        if (percent < 0 || percent > FULL_PERCENT) {
            throw new IllegalArgumentException("a refund is 0 to 100 percent, not " + percent);
        }
    }
}
