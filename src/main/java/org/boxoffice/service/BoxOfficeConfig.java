package org.boxoffice.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.boxoffice.domain.BookingLimits;

/**
 * Box Office's own settings, {@code boxoffice.*}; each can also be set as an environment variable.
 * Their ranges are checked at start by {@link SettingsCheck}.
 */
@ConfigMapping(prefix = "boxoffice")
public interface BoxOfficeConfig {

    /**
     * Where tickets are kept: {@code memory} in this process only (lost on restart, not shared between
     * instances); {@code postgres} in the database of {@code quarkus.datasource.*}. Declared here so the
     * value is checked at start; {@code StoreSelection} reads it by its key, as the stores may not depend
     * on the use cases.
     */
    @WithDefault("memory")
    StoreKind store();

    /** The largest {@code total_seats} an event may have: 1 to 10,000,000. */
    @WithDefault("100000")
    int maxSeatsPerEvent();

    /** The most seats one hold or booking may ask for: 1 to 10,000. */
    @WithDefault("50")
    int maxSeatsPerRequest();

    /** The most seats of one event one customer may hold at once: at least 1. */
    @WithDefault("10")
    int maxHeldSeatsPerCustomer();

    Hold hold();

    Auth auth();

    RateLimit rateLimit();

    Idempotency idempotency();

    /**
     * How often expired holds and old idempotency keys are tidied away. Only memory depends on it:
     * an expired hold's seats are free at once either way.
     */
    @WithDefault("PT1M")
    Duration sweepInterval();

    default BookingLimits limits() {
        return new BookingLimits(maxSeatsPerEvent(), maxSeatsPerRequest());
    }

    /** Holds: seats set aside while a customer checks out. */
    interface Hold {
        /** How long a hold lives before its seats are free again. */
        @WithDefault("PT10M")
        Duration ttl();
    }

    /** Retry safety for state-changing requests. */
    interface Idempotency {
        /** How long an {@code Idempotency-Key} and its answer are remembered. */
        @WithDefault("PT24H")
        Duration retention();
    }

    /** Who may call: bearer JWTs, verified with the {@code mp.jwt.verify.*} settings. */
    interface Auth {
        /**
         * Whether a verified bearer token is required. Off (one anonymous caller with every role) in the
         * dev and test profiles, on in every other.
         */
        @WithDefault("true")
        boolean enabled();
    }

    /** A per-caller limit on request rate, against scripted abuse of an on-sale (with authentication on). */
    interface RateLimit {
        /** Requests one caller may make per second, sustained; 0 turns the limit off. */
        @WithDefault("20")
        int requestsPerSecond();

        /** Requests one caller may make in a burst above the sustained rate: at least 1. */
        @WithDefault("40")
        int burst();
    }

    /** The stores this build can use. */
    enum StoreKind {
        memory,
        postgres
    }
}
