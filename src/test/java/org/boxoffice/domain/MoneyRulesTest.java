package org.boxoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.boxoffice.testing.Unbounded.NO_BOUND;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Prices, refund policies and refunds: what a booking costs and what a cancellation gives back. */
class MoneyRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Instant STARTS = NOW.plus(Duration.ofDays(30));
    private static final BookingLimits LIMITS = new BookingLimits(1000, 50, NO_BOUND, NO_BOUND);
    private static final List<Layout.Section> VENUE = List.of(
            new Layout.Section("Stalls", "A", List.of(new Layout.Row("A", 4))),
            new Layout.Section("Balcony", "B", List.of(new Layout.Row("A", 4))),
            new Layout.Section("Standing", null, List.of(new Layout.Row("A", 2))));

    private static Event event(Event.PricingPlan pricing, List<RefundPolicy.Tier> policy) {
        return Event.schedule(EventId.random(), "org", new Event.Plan("Gala", "Opera", STARTS, null, VENUE, pricing,
                policy), LIMITS, NOW);
    }

    private static List<Violation> violationsOf(Event.PricingPlan pricing, List<RefundPolicy.Tier> policy) {
        try {
            event(pricing, policy);
        } catch (InvalidRequestException e) {
            return e.violations();
        }
        throw new AssertionError("expected the event to be refused");
    }

    private static SeatSelection seats(Integer... seats) {
        return SeatSelection.of(List.of(seats), 10, LIMITS);
    }

    private static final Event.PricingPlan EUR = new Event.PricingPlan("EUR", 4500L, Map.of("A", 12000L, "B", 6000L));

    @Test
    void eachSeatCostsItsCategorysPriceOrTheDefault() {
        Event event = event(EUR, null);

        SeatPrices prices = SeatPrices.of(event, seats(1, 5, 9));

        assertThat(prices.amounts()).containsExactly(12000, 6000, 4500);
        assertThat(prices.total()).isEqualTo(new Money(22500, "EUR"));
        assertThat(event.pricing().decimals()).isEqualTo(2);
        assertThat(event(new Event.PricingPlan("JPY", 5000L, Map.of()), null).pricing().decimals()).isZero();
    }

    @Test
    void anEventWithoutPricingIsFree() {
        SeatPrices prices = SeatPrices.of(event(null, null), seats(1, 2));

        assertThat(prices.isFree()).isTrue();
        assertThat(prices.total()).isEqualTo(new Money(0, null));
    }

    @Test
    void brokenPricingIsRefusedNamingEachPath() {
        assertThat(violationsOf(new Event.PricingPlan("EURO", -1L, Map.of("Z", 5L, "A", -3L)), null))
                .extracting(Violation::field).containsExactlyInAnyOrder("pricing.currency", "pricing.defaultPrice",
                        "pricing.categories.Z", "pricing.categories.A");
        assertThat(violationsOf(new Event.PricingPlan(null, null, Map.of()), null)).extracting(Violation::field)
                .containsExactlyInAnyOrder("pricing.currency", "pricing.defaultPrice");
        assertThat(violationsOf(new Event.PricingPlan("XAU", 1L, Map.of()), null)).extracting(Violation::field)
                .as("a currency without a minor unit").containsExactly("pricing.currency");
    }

    @Test
    void categoriesNeedALayoutThatHasThem() {
        List<Violation> violations;
        try {
            Event.schedule(EventId.random(), "org", new Event.Plan("Gala", "Opera", STARTS, 10, null,
                    new Event.PricingPlan("EUR", 100L, Map.of("A", 200L)), null), LIMITS, NOW);
            throw new AssertionError("expected the event to be refused");
        } catch (InvalidRequestException e) {
            violations = e.violations();
        }
        assertThat(violations).extracting(Violation::field).containsExactly("pricing.categories.A");
    }

    @Test
    void theRefundPolicyGivesTheBestTierWhoseTimeHasNotPassed() {
        Event event = event(EUR, List.of(new RefundPolicy.Tier(Duration.ofHours(48), 50),
                new RefundPolicy.Tier(Duration.ofHours(168), 100)));

        assertThat(event.refundPercentAt(STARTS.minus(Duration.ofDays(8)))).isEqualTo(100);
        assertThat(event.refundPercentAt(STARTS.minus(Duration.ofHours(168)))).isEqualTo(100);
        assertThat(event.refundPercentAt(STARTS.minus(Duration.ofDays(3)))).isEqualTo(50);
        assertThat(event.refundPercentAt(STARTS.minus(Duration.ofHours(47)))).isZero();
        assertThat(event.refundPercentAt(STARTS.plusSeconds(1))).isZero();
    }

    @Test
    void theDefaultPolicyRefundsEverythingUntilTheEventStarts() {
        Event event = event(EUR, null);

        assertThat(event.refundPercentAt(STARTS)).isEqualTo(100);
        assertThat(event.refundPercentAt(STARTS.plusNanos(1))).isZero();
    }

    @Test
    void brokenTiersAreRefusedByPath() {
        assertThat(violationsOf(EUR, List.of(new RefundPolicy.Tier(Duration.ofHours(-1), 101))))
                .extracting(Violation::field).containsExactlyInAnyOrder("refundPolicy[0].before",
                        "refundPolicy[0].percent");
    }

    @Test
    void aPartialCancellationRefundsItsSeatsShareAndLeavesTheRestBooked() {
        Event event = event(EUR, null);
        Booking booking = Booking.confirmed(BookingId.random(), event, "alice", seats(1, 5, 9), NOW);

        Booking.Cancellation first = booking.cancel(Optional.of(seats(5)), 50, NOW);

        assertThat(first.refund().amount()).isEqualTo(new Money(3000, "EUR"));
        assertThat(first.booking().status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(first.booking().liveSeats()).containsExactly(1, 9);
        assertThat(first.booking().liveTotal()).isEqualTo(new Money(16500, "EUR"));

        Booking.Cancellation rest = first.booking().cancel(Optional.empty(), 100, NOW.plusSeconds(1));
        assertThat(rest.refund().seats().seats()).containsExactly(1, 9);
        assertThat(rest.refund().amount()).isEqualTo(new Money(16500, "EUR"));
        assertThat(rest.booking().isCancelled()).isTrue();
        assertThat(rest.booking().refunded()).isEqualTo(new Money(19500, "EUR"));
        assertThat(rest.booking().total().minus(rest.booking().refunded())).isEqualTo(new Money(3000, "EUR"))
                .as("what was kept: half of seat 5");
    }

    @Test
    void cancellingTheSameAgainAnswersTheFirstRefundAndRefundsNothingMore() {
        Event event = event(EUR, null);
        Booking booking = Booking.confirmed(BookingId.random(), event, "alice", seats(1, 2), NOW);
        Booking.Cancellation partial = booking.cancel(Optional.of(seats(2)), 100, NOW);

        assertThat(partial.booking().cancel(Optional.of(seats(2)), 0, NOW.plusSeconds(5)))
                .isEqualTo(new Booking.Cancellation(partial.booking(), partial.refund()));
        Booking.Cancellation all = partial.booking().cancel(Optional.empty(), 100, NOW);
        assertThat(all.booking().cancel(Optional.empty(), 100, NOW.plusSeconds(5)))
                .isEqualTo(new Booking.Cancellation(all.booking(), all.refund()));
    }

    @Test
    void aSeatIsNeverRefundedTwiceNorOneOfAnotherBooking() {
        Event event = event(EUR, null);
        Booking booking = Booking.confirmed(BookingId.random(), event, "alice", seats(1, 2, 3), NOW);
        Booking partial = booking.cancel(Optional.of(seats(2)), 100, NOW).booking();

        assertThatThrownBy(() -> partial.cancel(Optional.of(seats(2, 3)), 100, NOW))
                .isInstanceOfSatisfying(SeatsAlreadyCancelledException.class,
                        e -> assertThat(e.seats()).containsExactly(2));
        assertThatThrownBy(() -> partial.cancel(Optional.of(seats(7)), 100, NOW))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("seats"));
    }

    @Test
    void aRefundIsRoundedDownSoItNeverExceedsWhatWasPaid() {
        Event event = event(new Event.PricingPlan("EUR", 999L, Map.of()), null);
        Booking booking = Booking.confirmed(BookingId.random(), event, "alice", seats(9), NOW);

        assertThat(booking.cancel(Optional.empty(), 33, NOW).refund().amount()).isEqualTo(new Money(329, "EUR"));
        assertThat(new Money(1, "EUR").percent(99)).isEqualTo(new Money(0, "EUR"));
    }

    @Test
    void aHoldsPricesAreTheBookingsWhateverTheyCostLater() {
        Event event = event(EUR, null);
        Hold hold = Hold.placed(HoldId.random(), event, "alice", seats(1, 2), NOW, NOW.plusSeconds(600));

        Booking booking = Booking.fromHold(BookingId.random(), hold, NOW.plusSeconds(1), "pay-42");

        assertThat(booking.prices()).isEqualTo(hold.prices());
        assertThat(booking.total()).isEqualTo(new Money(24000, "EUR"));
        assertThat(booking.paymentReference()).isEqualTo("pay-42");
    }

    @Test
    void aCancelledEventTakesNothingNew() {
        Event event = event(EUR, null).cancelled(NOW);

        assertThat(event.isCancelled()).isTrue();
        assertThat(event.cancelled(NOW.plusSeconds(9))).isSameAs(event);
        assertThatThrownBy(event::checkOnSale).isInstanceOf(EventCancelledException.class);
    }
}
