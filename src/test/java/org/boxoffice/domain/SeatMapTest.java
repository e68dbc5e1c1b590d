package org.boxoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeatMapTest {

    private static final BookingLimits LIMITS = new BookingLimits(1_000_000, 50);

    private static SeatSelection seats(int totalSeats, Integer... seats) {
        return SeatSelection.of(List.of(seats), totalSeats, LIMITS);
    }

    @Test
    void aNewEventHasEverySeatAvailable() {
        SeatMap map = new SeatMap(500);

        assertThat(map.counts()).isEqualTo(new SeatCounts(500, 0, 0, 500));
        assertThat(map.availableRanges()).containsExactly(new SeatRange(1, 500));
    }

    @Test
    void bookingFreeSeatsTakesExactlyThoseSeats() {
        SeatMap map = new SeatMap(10);

        map.book(seats(10, 1, 2, 3));

        assertThat(map.isBooked(1)).isTrue();
        assertThat(map.isBooked(3)).isTrue();
        assertThat(map.isBooked(4)).isFalse();
        assertThat(map.counts()).isEqualTo(new SeatCounts(10, 3, 0, 7));
    }

    @Test
    void bookingAnAlreadyBookedSeatIsRejectedAndNamesIt() {
        SeatMap map = new SeatMap(10);
        map.book(seats(10, 4, 5));

        assertThatThrownBy(() -> map.book(seats(10, 3, 5, 6, 4)))
                .isInstanceOfSatisfying(SeatsUnavailableException.class,
                        e -> assertThat(e.unavailableSeats()).containsExactly(4, 5));
    }

    @Test
    void aRejectedBookingTakesNoneOfItsSeats() {
        SeatMap map = new SeatMap(10);
        map.book(seats(10, 5));

        assertThatThrownBy(() -> map.book(seats(10, 4, 5, 6))).isInstanceOf(SeatsUnavailableException.class);

        assertThat(map.isBooked(4)).isFalse();
        assertThat(map.isBooked(6)).isFalse();
        assertThat(map.counts().bookedSeats()).isEqualTo(1);
    }

    @Test
    void freeSeatsAreReportedAsAscendingRanges() {
        SeatMap map = new SeatMap(10);
        map.book(seats(10, 1, 4, 5, 10));

        assertThat(map.availableRanges()).containsExactly(new SeatRange(2, 3), new SeatRange(6, 9));
    }

    @Test
    void aFullyBookedEventHasNoFreeRanges() {
        SeatMap map = new SeatMap(3);
        map.book(seats(3, 1, 2, 3));

        assertThat(map.availableRanges()).isEmpty();
        assertThat(map.counts()).isEqualTo(new SeatCounts(3, 3, 0, 0));
    }

    @Test
    void aSelectionMadeForALargerEventIsAProgrammingError() {
        SeatMap map = new SeatMap(5);

        assertThatThrownBy(() -> map.book(seats(10, 6))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMillionSeatEventCostsAboutOneBitPerSeat() {
        SeatMap map = new SeatMap(1_000_000);
        map.book(seats(1_000_000, 1_000_000));

        assertThat(map.seatBitsInBytes()).isBetween(125_000L, 126_000L);
        assertThat(map.availableRanges()).containsExactly(new SeatRange(1, 999_999));
    }
}
