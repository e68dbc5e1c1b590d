package org.boxoffice.domain.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after each delay in turn, then never; the delivery has failed.
 * The delays are the setting {@code boxoffice.webhooks.retry-schedule}.
 */
public record RetrySchedule(List<Duration> delays) {

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.stream().anyMatch(delay -> delay.isNegative() || delay.isZero())) {
            throw new IllegalArgumentException("every retry delay must be positive: " + delays);
        }
    }

    /** When to try again after the {@code attempts}-th attempt failed at {@code now}, or empty: give up. */
    public Optional<Instant> next(int attempts, Instant now) {
        return attempts <= delays.size() ? Optional.of(now.plus(delays.get(attempts - 1))) : Optional.empty();
    }
}
