package org.boxoffice.service;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** The one source of "now" for every use case, so tests can replace it with a clock they control. */
public class ClockProducer {

    /** Ticks in microseconds, the precision PostgreSQL keeps, so an answer and a later read agree. */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
