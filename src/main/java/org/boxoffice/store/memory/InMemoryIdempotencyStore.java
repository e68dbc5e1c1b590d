package org.boxoffice.store.memory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.boxoffice.domain.IdempotencyStore;

/** Idempotency keys in this process's memory; each key's state changes atomically in the map. */
@ApplicationScoped
@Typed(InMemoryIdempotencyStore.class)
public class InMemoryIdempotencyStore implements IdempotencyStore {

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** A claimed key: running while {@code outcome} is null. */
    private record Entry(String fingerprint, Instant claimedAt, Outcome outcome) {
    }

    @Override
    public Claim claim(String key, String fingerprint, Instant now, Instant forgetBefore, Instant abandonedBefore) {
        Claim[] outcome = new Claim[1];
        entries.compute(key, (k, existing) -> {
            if (existing == null || existing.claimedAt().isBefore(forgetBefore)
                    || existing.outcome() == null && existing.claimedAt().isBefore(abandonedBefore)) {
                outcome[0] = new Claim.Claimed();
                return new Entry(fingerprint, now, null);
            }
            if (!existing.fingerprint().equals(fingerprint)) {
                outcome[0] = new Claim.Mismatch();
            } else if (existing.outcome() == null) {
                outcome[0] = new Claim.InFlight();
            } else {
                outcome[0] = new Claim.Replay(existing.outcome());
            }
            return existing;
        });
        return outcome[0];
    }

    @Override
    public void complete(String key, Outcome outcome) {
        entries.computeIfPresent(key, (k, entry) -> new Entry(entry.fingerprint(), entry.claimedAt(), outcome));
    }

    @Override
    public void release(String key) {
        entries.computeIfPresent(key, (k, entry) -> entry.outcome() == null ? null : entry);
    }

    @Override
    public int sweep(Instant forgetBefore) {
        int before = entries.size();
        entries.values().removeIf(entry -> entry.claimedAt().isBefore(forgetBefore));
        return before - entries.size();
    }
}
