package org.boxoffice.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to start with a Box Office setting out of its range, naming the setting in one line (Quarkus
 * prints a {@link ConfigurationException}'s message alone, without a stack trace). Bean Validation
 * annotations on {@link BoxOfficeConfig} would say the same, but they make Quarkus build a second
 * validator factory while starting, a measurable share of the start (bench/startup.sh), for a few
 * comparisons. Request bodies are still checked with Hibernate Validator.
 */
@ApplicationScoped
public class SettingsCheck {

    static void atStart(@Observes StartupEvent started, BoxOfficeConfig config) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Settings out of range: " + String.join("; ", problems));
        }
    }

    /** What is wrong with these settings, one sentence each; empty if nothing. */
    static List<String> problems(BoxOfficeConfig config) {
        List<String> problems = new ArrayList<>();
        range(problems, "boxoffice.max-seats-per-event", config.maxSeatsPerEvent(), 1, 10_000_000);
        range(problems, "boxoffice.max-seats-per-request", config.maxSeatsPerRequest(), 1, 10_000);
        range(problems, "boxoffice.max-held-seats-per-customer", config.maxHeldSeatsPerCustomer(), 1,
                Integer.MAX_VALUE);
        range(problems, "boxoffice.max-seats-per-customer", config.maxSeatsPerCustomer(), 1, Integer.MAX_VALUE);
        range(problems, "boxoffice.max-events-per-organizer", config.maxEventsPerOrganizer(), 1, Integer.MAX_VALUE);
        range(problems, "boxoffice.max-webhooks-per-owner", config.maxWebhooksPerOwner(), 1, Integer.MAX_VALUE);
        range(problems, "boxoffice.max-sections-per-layout", config.maxSectionsPerLayout(), 1, Integer.MAX_VALUE);
        range(problems, "boxoffice.max-rows-per-layout", config.maxRowsPerLayout(), 1, Integer.MAX_VALUE);
        range(problems, "boxoffice.rate-limit.requests-per-second", config.rateLimit().requestsPerSecond(), 0,
                Integer.MAX_VALUE);
        range(problems, "boxoffice.rate-limit.burst", config.rateLimit().burst(), 1, Integer.MAX_VALUE);
        positive(problems, "boxoffice.hold.ttl", config.hold().ttl());
        positive(problems, "boxoffice.waitlist.offer-ttl", config.waitlist().offerTtl());
        positive(problems, "boxoffice.idempotency.retention", config.idempotency().retention());
        positive(problems, "boxoffice.sweep-interval", config.sweepInterval());
        // hold.expired is promised within a minute of the expiry.
        if (config.sweepInterval().compareTo(Duration.ofMinutes(1)) > 0) {
            problems.add("boxoffice.sweep-interval is " + config.sweepInterval() + "; it must be at most PT1M");
        }
        positive(problems, "boxoffice.webhooks.timeout", config.webhooks().timeout());
        positive(problems, "boxoffice.webhooks.poll-interval", config.webhooks().pollInterval());
        positive(problems, "boxoffice.webhooks.retention", config.webhooks().retention());
        positive(problems, "boxoffice.webhooks.all-events-for", config.webhooks().allEventsFor());
        for (Duration delay : config.webhooks().retrySchedule()) {
            positive(problems, "boxoffice.webhooks.retry-schedule", delay);
        }
        return problems;
    }

    private static void range(List<String> problems, String key, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(key + " is " + value + "; it must be "
                    + (max == Integer.MAX_VALUE ? "at least " + min : "from " + min + " to " + max));
        }
    }

    private static void positive(List<String> problems, String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            problems.add(key + " is " + value + "; it must be longer than zero");
        }
    }
}
