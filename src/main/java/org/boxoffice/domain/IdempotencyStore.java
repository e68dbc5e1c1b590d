package org.boxoffice.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Remembers what state-changing requests carrying an {@code Idempotency-Key} answered, so that a
 * retry of the same request replays the first answer instead of acting twice.
 */
public interface IdempotencyStore {

    /** Whether calls may wait on I/O; see {@link TicketStore#blocking()}. */
    boolean blocking();

    /**
     * Claims {@code key} for a request with this fingerprint, or says what is known of it. A claimed key
     * must later be completed or released. Keys older than {@code forgetBefore} count as unknown, and so
     * do keys claimed before {@code abandonedBefore} and never completed: their request died (its instance
     * stopped mid-request) and will not complete them.
     */
    Claim claim(String key, String fingerprint, Instant now, Instant forgetBefore, Instant abandonedBefore);

    /** Records the answer of a claimed key, to be replayed to retries. */
    void complete(String key, StoredResponse response);

    /** Forgets a claimed key whose request changed nothing, so that a corrected retry can run. */
    void release(String key);

    /** Forgets keys claimed before {@code forgetBefore}; returns how many. */
    int sweep(Instant forgetBefore);

    /** An answer to replay: status, the {@code Location} header (or null), and the JSON body. */
    record StoredResponse(int status, String location, String body) {
        public StoredResponse {
            Objects.requireNonNull(body, "body");
        }
    }

    /** What {@link #claim} found. */
    sealed interface Claim {
        /** The key is new: run the request. */
        record Claimed() implements Claim {
        }

        /** The same request ran already: answer this again. */
        record Replay(StoredResponse response) implements Claim {
        }

        /** The key was used for a different request. */
        record Mismatch() implements Claim {
        }

        /** The first request with this key is still running. */
        record InFlight() implements Claim {
        }
    }
}
