package org.boxoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.boxoffice.testing.Unbounded.NO_BOUND;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeatSelectionTest {

    private static final BookingLimits LIMITS = new BookingLimits(100_000, 5, NO_BOUND, NO_BOUND);

    private static List<Violation> violationsOf(List<Integer> seats, int totalSeats) {
        try {
            SeatSelection.of(seats, totalSeats, LIMITS);
        } catch (InvalidRequestException e) {
            return e.violations();
        }
        throw new AssertionError("expected " + seats + " to be refused");
    }

    @Test
    void aValidSelectionKeepsItsSeatsInAscendingOrder() {
        SeatSelection selection = SeatSelection.of(List.of(5, 1, 3), 10, LIMITS);

        assertThat(selection.seats()).containsExactly(1, 3, 5);
        assertThat(selection.size()).isEqualTo(3);
        assertThat(selection.highest()).isEqualTo(5);
    }

    @Test
    void theFirstAndLastSeatAreWithinRange() {
        assertThat(SeatSelection.of(List.of(1, 10), 10, LIMITS).seats()).containsExactly(1, 10);
    }

    @Test
    void anEmptySelectionIsRefused() {
        assertThat(violationsOf(List.of(), 10)).extracting(Violation::field).containsExactly("seats");
        assertThatThrownBy(() -> SeatSelection.of(null, 10, LIMITS)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void seatZeroAndSeatsBeyondTheLastAreRefused() {
        List<Violation> violations = violationsOf(List.of(0, 4, 11, -3), 10);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("seats");
            assertThat(v.message()).contains("1..10").contains("0").contains("11").contains("-3");
        });
    }

    @Test
    void aRepeatedSeatIsRefused() {
        assertThat(violationsOf(List.of(2, 3, 2), 10)).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("repeat").contains("2"));
    }

    @Test
    void moreSeatsThanThePerRequestLimitAreRefused() {
        List<Integer> six = IntStream.rangeClosed(1, 6).boxed().toList();

        assertThat(violationsOf(six, 10)).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("at most 5"));
        assertThat(SeatSelection.of(six.subList(0, 5), 10, LIMITS).size()).isEqualTo(5);
    }

    @Test
    void aNullSeatIsRefusedByItsPosition() {
        List<Integer> seats = new ArrayList<>(Arrays.asList(1, null));

        assertThat(violationsOf(seats, 10)).extracting(Violation::field).containsExactly("seats[1]");
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        assertThat(violationsOf(List.of(0, 2, 2, 3, 4, 5, 6), 10)).hasSize(3);
    }

    @Test
    void aLongListOfBadSeatsIsSummarisedNotEchoedInFull() {
        List<Integer> bad = IntStream.rangeClosed(11, 40).boxed().toList();
        BookingLimits generous = new BookingLimits(100, 100, NO_BOUND, NO_BOUND);

        try {
            SeatSelection.of(bad, 10, generous);
            throw new AssertionError("expected a refusal");
        } catch (InvalidRequestException e) {
            assertThat(e.violations().get(0).message()).contains("and 20 more").doesNotContain("40");
        }
    }

    @Test
    void selectionsWithTheSameSeatsAreEqual() {
        assertThat(SeatSelection.of(List.of(2, 1), 5, LIMITS)).isEqualTo(SeatSelection.of(List.of(1, 2), 5, LIMITS))
                .hasSameHashCodeAs(SeatSelection.of(List.of(1, 2), 5, LIMITS));
    }
}
