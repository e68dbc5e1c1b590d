package org.boxoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.boxoffice.testing.Unbounded.NO_BOUND;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeatMapTest {

    private static final BookingLimits LIMITS = new BookingLimits(1_000_000, 50, NO_BOUND, NO_BOUND);
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final Instant IN_10_MIN = T0.plus(TTL);

    /** The seats of an event with {@code totalSeats} numbered seats and no layout. */
    private static SeatMap map(int totalSeats) {
        return new SeatMap(new Event(EventId.random(), "Concert", "Hall", T0.plus(Duration.ofDays(30)), totalSeats, T0,
                "olga", null, null, RefundPolicy.DEFAULT, null));
    }

    private static SeatSelection seats(int totalSeats, Integer... seats) {
        return SeatSelection.of(List.of(seats), totalSeats, LIMITS);
    }

    /** A hold of these seats for {@link #TTL}, placed at {@code at}. */
    private static Hold held(HoldId id, String customer, SeatSelection seats, Instant at) {
        return new Hold(id, EventId.random(), seats, at, at.plus(TTL), HoldStatus.HELD, null, customer,
                SeatPrices.free(seats.size()));
    }

    @Test
    void aNewEventHasEverySeatAvailable() {
        SeatMap map = map(500);

        assertThat(map.counts(T0)).isEqualTo(new SeatCounts(500, 0, 0, 500));
        assertThat(map.availableRanges(T0)).containsExactly(new SeatRange(1, 500));
    }

    @Test
    void bookingFreeSeatsTakesExactlyThoseSeats() {
        SeatMap map = map(10);

        map.book(seats(10, 1, 2, 3), T0);

        assertThat(map.isTaken(1, T0)).isTrue();
        assertThat(map.isTaken(3, T0)).isTrue();
        assertThat(map.isTaken(4, T0)).isFalse();
        assertThat(map.counts(T0)).isEqualTo(new SeatCounts(10, 3, 0, 7));
    }

    @Test
    void bookingAnAlreadyBookedSeatIsRejectedAndNamesIt() {
        SeatMap map = map(10);
        map.book(seats(10, 4, 5), T0);

        assertThatThrownBy(() -> map.book(seats(10, 3, 5, 6, 4), T0))
                .isInstanceOfSatisfying(SeatsUnavailableException.class,
                        e -> assertThat(e.unavailableSeats()).containsExactly(4, 5));
    }

    @Test
    void aRejectedBookingTakesNoneOfItsSeats() {
        SeatMap map = map(10);
        map.book(seats(10, 5), T0);

        assertThatThrownBy(() -> map.book(seats(10, 4, 5, 6), T0)).isInstanceOf(SeatsUnavailableException.class);

        assertThat(map.isTaken(4, T0)).isFalse();
        assertThat(map.isTaken(6, T0)).isFalse();
        assertThat(map.counts(T0).bookedSeats()).isEqualTo(1);
    }

    @Test
    void freeSeatsAreReportedAsAscendingRanges() {
        SeatMap map = map(10);
        map.book(seats(10, 1, 4, 5, 10), T0);

        assertThat(map.availableRanges(T0)).containsExactly(new SeatRange(2, 3), new SeatRange(6, 9));
    }

    @Test
    void aFullyBookedEventHasNoFreeRanges() {
        SeatMap map = map(3);
        map.book(seats(3, 1, 2, 3), T0);

        assertThat(map.availableRanges(T0)).isEmpty();
        assertThat(map.counts(T0)).isEqualTo(new SeatCounts(3, 3, 0, 0));
    }

    @Test
    void aSelectionMadeForALargerEventIsAProgrammingError() {
        SeatMap map = map(5);

        assertThatThrownBy(() -> map.book(seats(10, 6), T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMillionSeatEventCostsAboutOneBitPerSeat() {
        SeatMap map = map(1_000_000);
        map.book(seats(1_000_000, 1_000_000), T0);

        assertThat(map.seatBitsInBytes()).isBetween(125_000L, 126_000L);
        assertThat(map.availableRanges(T0)).containsExactly(new SeatRange(1, 999_999));
    }

    @Test
    void heldSeatsAreCountedAsHeldAndCannotBeBookedOrHeldAgain() {
        SeatMap map = map(10);
        map.hold(held(HoldId.random(), "alice", seats(10, 2, 3), T0));

        assertThat(map.counts(T0)).isEqualTo(new SeatCounts(10, 0, 2, 8));
        assertThatThrownBy(() -> map.book(seats(10, 3, 4), T0)).isInstanceOf(SeatsUnavailableException.class);
        assertThatThrownBy(() -> map.hold(held(HoldId.random(), "alice", seats(10, 1, 2), T0)))
                .isInstanceOf(SeatsUnavailableException.class);
        assertThat(map.counts(T0)).isEqualTo(new SeatCounts(10, 0, 2, 8));
    }

    @Test
    void anExpiredHoldsSeatsAreFreeAtTheInstantItExpires() {
        SeatMap map = map(10);
        HoldId hold = HoldId.random();
        map.hold(held(hold, "alice", seats(10, 2, 3), T0));

        assertThat(map.isTaken(2, IN_10_MIN.minusNanos(1))).isTrue();
        assertThat(map.isTaken(2, IN_10_MIN)).isFalse();
        assertThat(map.counts(IN_10_MIN)).isEqualTo(new SeatCounts(10, 0, 0, 10));
        assertThat(map.isLive(hold, IN_10_MIN)).isFalse();
        map.book(seats(10, 2, 3), IN_10_MIN);
    }

    @Test
    void anExpiredHoldCannotBeConfirmed() {
        SeatMap map = map(10);
        HoldId hold = HoldId.random();
        map.hold(held(hold, "alice", seats(10, 2), T0));

        assertThat(map.confirm(hold, IN_10_MIN)).isFalse();
        assertThat(map.counts(IN_10_MIN)).isEqualTo(new SeatCounts(10, 0, 0, 10));
    }

    @Test
    void confirmingALiveHoldTurnsItsSeatsIntoBookedSeats() {
        SeatMap map = map(10);
        HoldId hold = HoldId.random();
        map.hold(held(hold, "alice", seats(10, 2, 3), T0));

        assertThat(map.confirm(hold, T0.plusSeconds(1))).isTrue();

        assertThat(map.counts(IN_10_MIN.plusSeconds(1))).isEqualTo(new SeatCounts(10, 2, 0, 8));
        assertThat(map.confirm(hold, T0.plusSeconds(2))).isFalse();
    }

    @Test
    void releasingALiveHoldFreesItsSeatsAtOnce() {
        SeatMap map = map(10);
        HoldId hold = HoldId.random();
        map.hold(held(hold, "alice", seats(10, 2, 3), T0));

        assertThat(map.release(hold, T0)).isTrue();

        assertThat(map.counts(T0)).isEqualTo(new SeatCounts(10, 0, 0, 10));
        assertThat(map.release(hold, T0)).isFalse();
        assertThat(map.confirm(hold, T0)).isFalse();
    }

    @Test
    void aReleasedHoldsLaterExpiryDoesNotFreeSeatsSomeoneElseTookSince() {
        SeatMap map = map(10);
        HoldId hold = HoldId.random();
        map.hold(held(hold, "alice", seats(10, 2), T0));
        map.release(hold, T0);
        map.book(seats(10, 2), T0);

        assertThat(map.isTaken(2, IN_10_MIN.plusSeconds(1))).isTrue();
        assertThat(map.counts(IN_10_MIN.plusSeconds(1))).isEqualTo(new SeatCounts(10, 1, 0, 9));
    }

    @Test
    void cancellingABookingFreesItsSeats() {
        SeatMap map = map(10);
        map.book(seats(10, 4, 5), T0);

        map.cancel(seats(10, 4, 5), T0);

        assertThat(map.counts(T0)).isEqualTo(new SeatCounts(10, 0, 0, 10));
    }

    @Test
    void expiriesAreCountedOnceWhicheverCallNoticesThem() {
        SeatMap map = map(10);
        map.hold(held(HoldId.random(), "alice", seats(10, 1), T0));
        map.hold(held(HoldId.random(), "bob", seats(10, 2), T0.plusSeconds(1)));
        map.counts(IN_10_MIN);

        assertThat(map.takeExpired(IN_10_MIN.plusSeconds(1))).hasSize(2);
        assertThat(map.takeExpired(IN_10_MIN.plusSeconds(2))).isEmpty();
    }

    @Test
    void timeNeverRunsBackwards() {
        SeatMap map = map(10);
        map.hold(held(HoldId.random(), "alice", seats(10, 1), T0));
        map.counts(IN_10_MIN);

        assertThat(map.isTaken(1, T0)).isFalse();
    }

    @Test
    void bestAvailableSeatsComeFromWhatIsFreeNow() {
        SeatMap map = map(6);
        map.hold(held(HoldId.random(), "alice", seats(6, 1, 2, 3), T0));

        assertThat(map.bestAvailable(3, SeatScope.ANYWHERE, T0).seats()).containsExactly(4, 5, 6);
        assertThatThrownBy(() -> map.bestAvailable(4, SeatScope.ANYWHERE, T0))
                .isInstanceOfSatisfying(NotEnoughSeatsException.class, e -> assertThat(e.available()).isEqualTo(3));
        assertThat(map.bestAvailable(4, SeatScope.ANYWHERE, IN_10_MIN).seats()).containsExactly(1, 2, 3, 4);
    }
}
