package org.boxoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.boxoffice.testing.Unbounded.NO_BOUND;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Instant NEXT_MONTH = NOW.plus(Duration.ofDays(30));
    private static final BookingLimits LIMITS = new BookingLimits(1000, 50, NO_BOUND, NO_BOUND);

    private static List<Violation> violationsOf(String name, String venue, Instant startsAt, int totalSeats) {
        try {
            Event.schedule(EventId.random(), "org", new Event.Plan(name, venue, startsAt, totalSeats, null, null, null),
                    LIMITS, NOW);
        } catch (InvalidRequestException e) {
            return e.violations();
        }
        throw new AssertionError("expected the event to be refused");
    }

    @Test
    void aValidEventIsScheduledWithItsDetailsAndCreationTime() {
        EventId id = EventId.random();

        Event event = Event.schedule(id, "org",
                new Event.Plan(" Summer Concert ", "Central Park", NEXT_MONTH, 500, null, null, null), LIMITS, NOW);

        assertThat(event).isEqualTo(new Event(id, "Summer Concert", "Central Park", NEXT_MONTH, 500, NOW, "org",
                null, null, RefundPolicy.DEFAULT, null));
    }

    @Test
    void anEventInThePastIsRefused() {
        assertThat(violationsOf("n", "v", NOW.minusSeconds(1), 10)).extracting(Violation::field)
                .containsExactly("startsAt");
    }

    @Test
    void anEventStartingNowIsRefused() {
        assertThat(violationsOf("n", "v", NOW, 10)).extracting(Violation::field).containsExactly("startsAt");
    }

    @Test
    void aBlankNameOrVenueIsRefused() {
        assertThat(violationsOf(" ", "\t", NEXT_MONTH, 10)).extracting(Violation::field)
                .containsExactly("name", "venue");
        assertThat(violationsOf(null, null, NEXT_MONTH, 10)).extracting(Violation::field)
                .containsExactly("name", "venue");
    }

    @Test
    void anOverlongNameIsRefused() {
        assertThat(violationsOf("x".repeat(Event.MAX_TEXT_LENGTH + 1), "v", NEXT_MONTH, 10))
                .extracting(Violation::field).containsExactly("name");
    }

    @Test
    void totalSeatsMustLieBetweenOneAndTheLimit() {
        assertThat(violationsOf("n", "v", NEXT_MONTH, 0)).extracting(Violation::field).containsExactly("totalSeats");
        assertThat(violationsOf("n", "v", NEXT_MONTH, 1001)).extracting(Violation::field)
                .containsExactly("totalSeats");
        assertThat(Event.schedule(EventId.random(), "org", new Event.Plan("n", "v", NEXT_MONTH, 1000, null, null, null),
                LIMITS, NOW).totalSeats())
                .isEqualTo(1000);
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        assertThat(violationsOf("", "", NOW, 0)).hasSize(4);
    }

    @Test
    void anEventWithoutSeatsCannotExistEvenWhenBuiltDirectly() {
        assertThatThrownBy(() -> new Event(EventId.random(), "n", "v", NEXT_MONTH, 0, NOW, "org",
                null, null, RefundPolicy.DEFAULT, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
