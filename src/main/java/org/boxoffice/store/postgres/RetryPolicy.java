package org.boxoffice.store.postgres;

import java.sql.SQLException;

/**
 * Which failed work the PostgreSQL stores run again, and how often. Work is retried when PostgreSQL undid
 * its transaction to keep it serialisable (40001) or to break a deadlock (40P01), or when the work itself
 * found it lost a race to a concurrent request ({@link Conflict}); up to {@link #ATTEMPTS} runs in all,
 * each a new transaction. Nothing else is retried, and nothing retries around it, so a unit of work is
 * never run more than {@link #ATTEMPTS} times.
 */
final class RetryPolicy {

    /** How many times a unit of work runs at most. */
    static final int ATTEMPTS = 5;
    /**
     * How many times an offer round runs inside its caller's transaction (a savepoint each), when a booking by
     * seat number takes a seat it chose; the caller's own change stands either way.
     */
    static final int OFFER_ROUNDS = 3;

    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK = "40P01";

    private RetryPolicy() {
    }

    /**
     * A race the work lost, which running it again may win: seats it chose were claimed meanwhile, or seats
     * in its way were freed meanwhile. When retries run out, {@link #exhausted} is what the caller gets.
     */
    static final class Conflict extends RuntimeException {

        private final RuntimeException exhausted;

        Conflict(RuntimeException exhausted) {
            super(exhausted.getMessage(), exhausted, false, false);
            this.exhausted = exhausted;
        }

        RuntimeException exhausted() {
            return exhausted;
        }
    }

    /** Whether work that failed with {@code failure} on its {@code attempt}th run (from 1) runs again. */
    static boolean retry(Exception failure, int attempt) {
        return attempt < ATTEMPTS && retryable(failure);
    }

    private static boolean retryable(Exception failure) {
        if (failure instanceof Conflict) {
            return true;
        }
        return failure instanceof SQLException e
                && (SERIALIZATION_FAILURE.equals(e.getSQLState()) || DEADLOCK.equals(e.getSQLState()));
    }
}
