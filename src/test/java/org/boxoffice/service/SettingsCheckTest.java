package org.boxoffice.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every Box Office setting with a range refuses to start outside it, naming the setting. */
class SettingsCheckTest {

    private final BoxOfficeConfig config = defaults();

    private static BoxOfficeConfig defaults() {
        BoxOfficeConfig config = mock(BoxOfficeConfig.class, RETURNS_DEEP_STUBS);
        when(config.maxSeatsPerEvent()).thenReturn(100_000);
        when(config.maxSeatsPerRequest()).thenReturn(50);
        when(config.maxHeldSeatsPerCustomer()).thenReturn(10);
        when(config.maxSeatsPerCustomer()).thenReturn(50);
        when(config.maxEventsPerOrganizer()).thenReturn(500);
        when(config.maxWebhooksPerOwner()).thenReturn(20);
        when(config.maxSectionsPerLayout()).thenReturn(500);
        when(config.maxRowsPerLayout()).thenReturn(5000);
        when(config.rateLimit().requestsPerSecond()).thenReturn(20);
        when(config.rateLimit().burst()).thenReturn(40);
        when(config.hold().ttl()).thenReturn(Duration.ofMinutes(10));
        when(config.idempotency().retention()).thenReturn(Duration.ofHours(24));
        when(config.sweepInterval()).thenReturn(Duration.ofMinutes(1));
        when(config.webhooks().timeout()).thenReturn(Duration.ofSeconds(10));
        when(config.webhooks().pollInterval()).thenReturn(Duration.ofSeconds(5));
        when(config.webhooks().retention()).thenReturn(Duration.ofDays(7));
        when(config.webhooks().allEventsFor()).thenReturn(Duration.ofDays(7));
        when(config.webhooks().retrySchedule()).thenReturn(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5)));
        return config;
    }

    @Test
    void theDefaultsAndTheEdgesOfEachRangePass() {
        assertThat(SettingsCheck.problems(config)).isEmpty();
        when(config.maxSeatsPerEvent()).thenReturn(10_000_000);
        when(config.maxSeatsPerRequest()).thenReturn(1);
        when(config.maxHeldSeatsPerCustomer()).thenReturn(1);
        when(config.maxSeatsPerCustomer()).thenReturn(1);
        when(config.maxEventsPerOrganizer()).thenReturn(1);
        when(config.maxWebhooksPerOwner()).thenReturn(1);
        when(config.maxSectionsPerLayout()).thenReturn(1);
        when(config.maxRowsPerLayout()).thenReturn(1);
        when(config.rateLimit().requestsPerSecond()).thenReturn(0);
        when(config.rateLimit().burst()).thenReturn(1);
        assertThat(SettingsCheck.problems(config)).isEmpty();
    }

    @Test
    void eachSettingOutOfRangeIsNamed() {
        when(config.maxSeatsPerEvent()).thenReturn(10_000_001);
        when(config.maxSeatsPerRequest()).thenReturn(0);
        when(config.maxHeldSeatsPerCustomer()).thenReturn(0);
        when(config.maxSeatsPerCustomer()).thenReturn(0);
        when(config.maxEventsPerOrganizer()).thenReturn(0);
        when(config.maxWebhooksPerOwner()).thenReturn(-1);
        when(config.maxSectionsPerLayout()).thenReturn(0);
        when(config.maxRowsPerLayout()).thenReturn(0);
        when(config.rateLimit().requestsPerSecond()).thenReturn(-1);
        when(config.rateLimit().burst()).thenReturn(0);
        when(config.hold().ttl()).thenReturn(Duration.ZERO);
        when(config.idempotency().retention()).thenReturn(Duration.ofSeconds(-1));
        when(config.sweepInterval()).thenReturn(Duration.ZERO);
        when(config.webhooks().timeout()).thenReturn(Duration.ZERO);
        when(config.webhooks().pollInterval()).thenReturn(Duration.ofSeconds(-5));
        when(config.webhooks().retention()).thenReturn(Duration.ZERO);
        when(config.webhooks().allEventsFor()).thenReturn(Duration.ofDays(-1));
        when(config.webhooks().retrySchedule()).thenReturn(List.of(Duration.ofSeconds(5), Duration.ZERO));
        assertThat(SettingsCheck.problems(config)).containsExactly(
                "boxoffice.max-seats-per-event is 10000001; it must be from 1 to 10000000",
                "boxoffice.max-seats-per-request is 0; it must be from 1 to 10000",
                "boxoffice.max-held-seats-per-customer is 0; it must be at least 1",
                "boxoffice.max-seats-per-customer is 0; it must be at least 1",
                "boxoffice.max-events-per-organizer is 0; it must be at least 1",
                "boxoffice.max-webhooks-per-owner is -1; it must be at least 1",
                "boxoffice.max-sections-per-layout is 0; it must be at least 1",
                "boxoffice.max-rows-per-layout is 0; it must be at least 1",
                "boxoffice.rate-limit.requests-per-second is -1; it must be at least 0",
                "boxoffice.rate-limit.burst is 0; it must be at least 1",
                "boxoffice.hold.ttl is PT0S; it must be longer than zero",
                "boxoffice.idempotency.retention is PT-1S; it must be longer than zero",
                "boxoffice.sweep-interval is PT0S; it must be longer than zero",
                "boxoffice.webhooks.timeout is PT0S; it must be longer than zero",
                "boxoffice.webhooks.poll-interval is PT-5S; it must be longer than zero",
                "boxoffice.webhooks.retention is PT0S; it must be longer than zero",
                "boxoffice.webhooks.all-events-for is PT-24H; it must be longer than zero",
                "boxoffice.webhooks.retry-schedule is PT0S; it must be longer than zero");
        when(config.sweepInterval()).thenReturn(Duration.ofSeconds(61));
        assertThat(SettingsCheck.problems(config)).contains("boxoffice.sweep-interval is PT1M1S; it must be at most PT1M");
    }

    @Test
    void startingWithABadSettingFails() {
        when(config.maxSeatsPerRequest()).thenReturn(20_000);
        assertThatThrownBy(() -> SettingsCheck.atStart(null, config))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("boxoffice.max-seats-per-request is 20000");
    }
}
