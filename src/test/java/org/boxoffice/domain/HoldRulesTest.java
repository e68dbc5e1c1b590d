package org.boxoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.boxoffice.testing.Unbounded.NO_BOUND;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Placing, releasing and confirming a hold: the rules both stores call. */
class HoldRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final BookingLimits LIMITS = new BookingLimits(1000, 50, NO_BOUND, NO_BOUND);
    private static final Event EVENT = new Event(EventId.random(), "Concert", "Hall", NOW.plus(Duration.ofDays(30)),
            100, NOW, "olga", null, null, RefundPolicy.DEFAULT, null);

    private static HoldRequest request(SeatChoice choice, int maxHeldSeatsPerCustomer) {
        return new HoldRequest(HoldId.random(), EVENT, "alice", choice, TTL, maxHeldSeatsPerCustomer, NO_BOUND);
    }

    private static SeatChoice.Explicit explicit(Integer... seats) {
        return new SeatChoice.Explicit(SeatSelection.of(List.of(seats), EVENT.totalSeats(), LIMITS));
    }

    private static Hold liveHold() {
        return request(explicit(1, 2), 10).place(0, 0, (quantity, scope) -> {
            throw new AssertionError("explicit seats need no choice");
        }, NOW);
    }

    @Test
    void aHoldOfNamedSeatsHoldsExactlyThoseUntilItsTimeToLiveRunsOut() {
        Hold hold = liveHold();

        assertThat(hold.seats().seats()).containsExactly(1, 2);
        assertThat(hold.createdAt()).isEqualTo(NOW);
        assertThat(hold.expiresAt()).isEqualTo(NOW.plus(TTL));
        assertThat(hold.statusAt(NOW)).isEqualTo(HoldStatus.HELD);
        assertThat(hold.customer()).isEqualTo("alice");
    }

    @Test
    void aBestAvailableHoldTakesTheSeatsTheStoreFindsBestNow() {
        Hold hold = request(new SeatChoice.BestOf(3), 10)
                .place(0, 0, (quantity, scope) -> SeatSelection.ofAscending(new int[] {7, 8, 9}), NOW);

        assertThat(hold.seats().seats()).containsExactly(7, 8, 9);
    }

    @Test
    void aHoldBeyondTheCustomersLimitIsRefusedBeforeAnySeatIsChosen() {
        HoldRequest request = request(new SeatChoice.BestOf(3), 4);

        assertThatThrownBy(() -> request.place(2, 0, (quantity, scope) -> {
            throw new AssertionError("no seats should be chosen for a refused hold");
        }, NOW)).isInstanceOfSatisfying(HoldLimitExceededException.class, e -> {
            assertThat(e.limit()).isEqualTo(4);
            assertThat(e.alreadyHeld()).isEqualTo(2);
        });
        assertThat(request.place(1, 0, (quantity, scope) -> SeatSelection.ofAscending(new int[] {1, 2, 3}), NOW).seats().size())
                .isEqualTo(3);
    }

    @Test
    void seatsBookedAlreadyCountWithThoseHeldAgainstTheCustomersQuota() {
        HoldRequest request = new HoldRequest(HoldId.random(), EVENT, "alice", new SeatChoice.BestOf(3), TTL, 10, 8);

        assertThatThrownBy(() -> request.place(1, 5, (quantity, scope) -> {
            throw new AssertionError("no seats should be chosen for a refused hold");
        }, NOW)).isInstanceOfSatisfying(QuotaExceededException.class, e -> {
            assertThat(e.limit()).isEqualTo(8);
            assertThat(e.setting()).isEqualTo("boxoffice.max-seats-per-customer");
            assertThat(e.getMessage()).contains("6 already");
        });
        assertThat(request.place(0, 5, (quantity, scope) -> SeatSelection.ofAscending(new int[] {1, 2, 3}), NOW)
                .seats().size()).isEqualTo(3);
    }

    @Test
    void releasingALiveHoldReleasesIt() {
        assertThat(liveHold().releasedAt(NOW.plusSeconds(1)).status()).isEqualTo(HoldStatus.RELEASED);
    }

    @Test
    void releasingAnExpiredOrReleasedHoldLeavesItAsItIs() {
        Hold hold = liveHold();
        Hold released = hold.releasedAt(NOW);

        assertThat(hold.releasedAt(NOW.plus(TTL))).isSameAs(hold);
        assertThat(released.releasedAt(NOW)).isSameAs(released);
    }

    @Test
    void aConfirmedHoldCannotBeReleased() {
        Hold confirmed = liveHold().confirmedAs(BookingId.random());

        assertThatThrownBy(() -> confirmed.releasedAt(NOW))
                .isInstanceOfSatisfying(HoldNotActiveException.class,
                        e -> assertThat(e.status()).isEqualTo(HoldStatus.CONFIRMED));
    }

    @Test
    void onlyALiveHoldTurnsIntoABookingOfItsSeats() {
        Hold hold = liveHold();

        Booking booking = Booking.fromHold(BookingId.random(), hold, NOW.plusSeconds(1), null);
        assertThat(booking.seats()).isEqualTo(hold.seats());
        assertThat(booking.holdId()).isEqualTo(hold.id());
        assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);

        assertThatThrownBy(() -> Booking.fromHold(BookingId.random(), hold, NOW.plus(TTL), null))
                .isInstanceOfSatisfying(HoldNotActiveException.class,
                        e -> assertThat(e.status()).isEqualTo(HoldStatus.EXPIRED));
        assertThatThrownBy(() -> Booking.fromHold(BookingId.random(), hold.releasedAt(NOW), NOW, null))
                .isInstanceOfSatisfying(HoldNotActiveException.class,
                        e -> assertThat(e.status()).isEqualTo(HoldStatus.RELEASED));
    }
}
