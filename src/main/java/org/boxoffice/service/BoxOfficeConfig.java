package org.boxoffice.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.boxoffice.domain.BookingLimits;
import org.boxoffice.domain.webhooks.RetrySchedule;

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

    /**
     * The most seats of one event one customer may hold and have booked together (cancelled ones not
     * counted): at least 1. With authentication off it does not apply, as every request is one caller.
     */
    @WithDefault("50")
    int maxSeatsPerCustomer();

    /**
     * The most events one organizer may have that have not started and are not cancelled: at least 1.
     * With authentication off it does not apply.
     */
    @WithDefault("500")
    int maxEventsPerOrganizer();

    /** The most webhooks one owner (an organizer or an admin) may have: at least 1. Not with authentication off. */
    @WithDefault("20")
    int maxWebhooksPerOwner();

    /** The most sections one event's layout may have: at least 1. */
    @WithDefault("500")
    int maxSectionsPerLayout();

    /** The most rows one event's layout may have, all sections together: at least 1. */
    @WithDefault("5000")
    int maxRowsPerLayout();

    Hold hold();

    Auth auth();

    RateLimit rateLimit();

    Idempotency idempotency();

    Webhooks webhooks();

    Waitlist waitlist();

    Checkin checkin();

    /**
     * How often expired holds are told of ({@code hold.expired}) and old idempotency keys tidied away.
     * Seats never wait for it: an expired hold's seats are free at once either way. At most a minute,
     * so that every {@code hold.expired} is written within a minute of the expiry.
     */
    @WithDefault("PT30S")
    Duration sweepInterval();

    default BookingLimits limits() {
        return new BookingLimits(maxSeatsPerEvent(), maxSeatsPerRequest(), maxSectionsPerLayout(),
                maxRowsPerLayout());
    }

    /**
     * A quota of one caller's, or none ({@link Integer#MAX_VALUE}) with authentication off: then every
     * request is the one anonymous caller, and a per-caller quota would bound everyone together.
     */
    default int perCaller(int quota) {
        return auth().enabled() ? quota : Integer.MAX_VALUE;
    }

    /** The most seats one waiting-list entry may wait for: what one hold may take, and one customer hold. */
    default int maxWaitlistQuantity() {
        return Math.min(maxSeatsPerRequest(), maxHeldSeatsPerCustomer());
    }

    /** Waiting lists of sold-out events. */
    interface Waitlist {
        /** How long an offer's hold lives: the customer books it before then, or it goes to the next entry. */
        @WithDefault("PT15M")
        Duration offerTtl();
    }

    /** Tickets and their check-in at the door. */
    interface Checkin {
        /**
         * The Ed25519 private key that signs ticket codes, PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----});
         * further PEM blocks after the first are older keys, still published and verified while codes they
         * signed are in use. Required with authentication on (outside dev and test); otherwise a key is made
         * at start, and codes signed with it verify only until the process ends.
         */
        Optional<String> signingKey();
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

    /** Notifications to subscribers' URLs. */
    interface Webhooks {
        /**
         * Whether webhook URLs may use plain {@code http} and point at loopback, private or link-local
         * addresses, for local receivers. True in the dev and test profiles, false in every other.
         */
        @WithDefault("false")
        boolean allowPrivateTargets();

        /** How long a receiver has to answer before the attempt counts as failed. */
        @WithDefault("PT10S")
        Duration timeout();

        /**
         * An HTTP proxy ({@code http://host:port}) every delivery to a webhook goes through, such as an egress
         * proxy that refuses private ranges; none by default. The Knative sink is reached directly.
         */
        Optional<URI> proxy();

        /** The waits before each retry of a failed delivery; after the last one the delivery has failed. */
        @WithDefault("PT5S,PT5M,PT30M,PT2H,PT5H,PT10H")
        List<Duration> retrySchedule();

        /**
         * How often each instance looks for due deliveries, besides right after each change. On AWS Lambda
         * and Knative a scheduler calls {@code POST /scheduled} instead, every minute.
         */
        @WithDefault("PT5S")
        Duration pollInterval();

        /**
         * How long notifications are kept once no delivery waits for them, with their deliveries (what
         * {@code GET /webhooks/{id}/deliveries} lists); the sweep forgets older ones.
         */
        @WithDefault("P7D")
        Duration retention();

        /**
         * The keys that seal webhook secrets at rest (AES-256-GCM): base64 256-bit keys, separated by
         * commas; the first seals, each opens. Required with authentication on outside dev and test.
         */
        Optional<String> secretKey();

        /**
         * How long an admin's "all events" webhook keeps receiving every organizer's notifications after
         * its owner last called {@code /webhooks} with the admin role; a call without it ends that at once.
         */
        @WithDefault("P7D")
        Duration allEventsFor();

        default RetrySchedule retries() {
            return new RetrySchedule(retrySchedule());
        }
    }

    /**
     * The stores this build can use, and whether their calls wait on I/O: such stores are called from
     * worker threads; ones that never wait, on the HTTP event loop, without a thread hand-off per request.
     */
    enum StoreKind {
        memory(false),
        postgres(true);

        private final boolean waitsOnIo;

        StoreKind(boolean waitsOnIo) {
            this.waitsOnIo = waitsOnIo;
        }

        /** Whether calls to these stores may wait on I/O (a database round trip). */
        public boolean waitsOnIo() {
            return waitsOnIo;
        }
    }
}
