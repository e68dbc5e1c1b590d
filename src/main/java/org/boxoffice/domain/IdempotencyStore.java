package org.boxoffice.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Remembers what state-changing requests carrying an {@code Idempotency-Key} answered, so that a
 * retry of the same request replays the first answer instead of acting twice.
 */
public interface IdempotencyStore {

    /**
     * Claims {@code key} for a request with this fingerprint, or says what is known of it. A claimed key
     * must later be completed or released. Keys older than {@code forgetBefore} count as unknown, and so
     * do keys claimed before {@code abandonedBefore} and never completed: their request died (its instance
     * stopped mid-request) and will not complete them.
     */
    Claim claim(String key, String fingerprint, Instant now, Instant forgetBefore, Instant abandonedBefore);

    /** Records the outcome of a claimed key's request, to be replayed to retries. */
    void complete(String key, Outcome outcome);

    /** Forgets a claimed key whose request changed nothing, so that a corrected retry can run. */
    void release(String key);

    /** Forgets keys claimed before {@code forgetBefore}; returns how many. */
    int sweep(Instant forgetBefore);

    /**
     * What a request came to, as plain data kept for its retries: a result code, where the thing it made
     * lives (or null), and the document it answered with. How these make an answer is the API's to say.
     */
    record Outcome(int code, String made, String document) {
        public Outcome {
            Objects.requireNonNull(document, "document");
        }
    }

    /** What {@link #claim} found. */
    sealed interface Claim {
        /** The key is new: run the request. */
        record Claimed() implements Claim {
        }

        /** The same request ran already: answer this again. */
        record Replay(Outcome outcome) implements Claim {
        }

        /** The key was used for a different request. */
        record Mismatch() implements Claim {
        }

        /** The first request with this key is still running. */
        record InFlight() implements Claim {
        }
    }
}
