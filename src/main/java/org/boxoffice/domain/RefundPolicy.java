package org.boxoffice.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How much of what a customer paid a cancellation gives back, by how long before the event starts it
 * comes: a list of tiers, e.g. 100% until a week before, 50% until two days before, nothing later.
 * The default gives everything back until the event starts.
 */
public record RefundPolicy(List<Tier> tiers) {

    /** Until {@code before} the event starts (inclusive), {@code percent} of the price comes back. */
    public record Tier(Duration before, int percent) {
    }

    /** Everything back until the event starts; nothing after. */
    public static final RefundPolicy DEFAULT = new RefundPolicy(List.of(new Tier(Duration.ZERO, 100)));

    public RefundPolicy {
        tiers = tiers.stream().sorted(Comparator.comparing(Tier::before).reversed()).toList();
    }

    /**
     * Checks every tier: a duration of zero or more and a percentage from 0 to 100, reported by path
     * ({@code refundPolicy[1].percent}). An empty list means nothing is ever refunded.
     */
    public static RefundPolicy of(List<Tier> tiers) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            String at = "refundPolicy[" + i + "]";
            if (tier == null) {
                violations.add(new Violation(at, "must be a tier {before, percent}, not null"));
                continue;
            }
            if (tier.before() == null || tier.before().isNegative()) {
                violations.add(new Violation(at + ".before", "must be an ISO-8601 duration of zero or more, such as"
                        + " \"PT168H\""));
            }
            if (tier.percent() < 0 || tier.percent() > 100) {
                violations.add(new Violation(at + ".percent", "must be a whole number from 0 to 100"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new RefundPolicy(tiers);
    }

    /**
     * The percentage a cancellation at {@code now} refunds: the best tier whose time before the start has
     * not passed; 0 once every tier has passed, and always once the event has started.
     */
    public int percentAt(Instant startsAt, Instant now) {
        Duration left = Duration.between(now, startsAt);
        int percent = 0;
        for (Tier tier : tiers) {
            if (!left.isNegative() && left.compareTo(tier.before()) >= 0) {
                percent = Math.max(percent, tier.percent());
            }
        }
        return percent;
    }
}
