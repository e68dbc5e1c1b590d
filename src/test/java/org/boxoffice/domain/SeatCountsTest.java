package org.boxoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeatCountsTest {

    @Test
    void availableSeatsAreWhatIsNeitherBookedNorHeld() {
        assertThat(SeatCounts.of(10, 3, 2)).isEqualTo(new SeatCounts(10, 3, 2, 5));
    }

    @Test
    void countsThatDoNotAddUpAreRefused() {
        assertThatThrownBy(() -> new SeatCounts(10, 3, 2, 4)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SeatCounts.of(10, 8, 3)).isInstanceOf(IllegalStateException.class);
    }
}
