package org.boxoffice.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.boxoffice.domain.IdempotencyStore;
import org.boxoffice.domain.IdempotencyStore.Claim;
import org.junit.jupiter.api.Test;

/** What every idempotency store does: a claim whose request died stops blocking retries once abandoned. */
public abstract class IdempotencyStoreContract {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final Duration RETENTION = Duration.ofHours(24);
    private static final Duration ABANDONED = Duration.ofMinutes(1);

    protected abstract IdempotencyStore newStore();

    private static Claim claim(IdempotencyStore store, String key, Instant at) {
        return store.claim(key, "POST /bookings {}", at, at.minus(RETENTION), at.minus(ABANDONED));
    }

    @Test
    void aClaimWhoseRequestDiedIsInFlightUntilAbandonedThenTakenAgain() {
        IdempotencyStore store = newStore();
        String key = "caller " + UUID.randomUUID();

        assertThat(claim(store, key, NOW)).isInstanceOf(Claim.Claimed.class);
        assertThat(claim(store, key, NOW.plusSeconds(30))).isInstanceOf(Claim.InFlight.class);
        assertThat(claim(store, key, NOW.plus(ABANDONED).plusSeconds(1))).isInstanceOf(Claim.Claimed.class);
    }

    @Test
    void aCompletedClaimIsReplayedLongAfterAnInFlightOneWouldBeAbandoned() {
        IdempotencyStore store = newStore();
        String key = "caller " + UUID.randomUUID();
        claim(store, key, NOW);
        IdempotencyStore.Outcome outcome = new IdempotencyStore.Outcome(201, "/bookings/1", "{\"seats\":[1]}");
        store.complete(key, outcome);

        assertThat(claim(store, key, NOW.plus(Duration.ofHours(1)))).isEqualTo(new Claim.Replay(outcome));
    }
}
