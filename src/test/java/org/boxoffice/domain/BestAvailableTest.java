package org.boxoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class BestAvailableTest {

    /** A seat plan written as text: {@code x} taken, {@code .} free; the first character is seat 1. */
    private static BitSet plan(String seats) {
        BitSet taken = new BitSet(seats.length() + 1);
        for (int i = 0; i < seats.length(); i++) {
            if (seats.charAt(i) == 'x') {
                taken.set(i + 1);
            }
        }
        return taken;
    }

    private static int[] choose(String seats, int quantity) {
        return BestAvailable.choose(plan(seats), seats.length(), quantity);
    }

    @Test
    void anEmptyEventGivesTheLowestBlock() {
        assertThat(choose("..........", 3)).containsExactly(1, 2, 3);
    }

    @Test
    void seatsComeSideBySideWhenARunIsLongEnough() {
        assertThat(choose(".x.x......", 3)).containsExactly(5, 6, 7);
    }

    @Test
    void anExactFitIsTakenRatherThanStrandingASeat() {
        // Run 1..3 would leave seat 3 alone; run 5..6 fits exactly.
        assertThat(choose("...x..xxxx", 2)).containsExactly(5, 6);
    }

    @Test
    void aRunLongerByTwoOrMoreStrandsNobody() {
        // Run 1..3 would strand seat 3; run 5..8 leaves seats 7..8 together.
        assertThat(choose("...x....xx", 2)).containsExactly(5, 6);
    }

    @Test
    void aStrandingBlockIsStillBetterThanScatteredSeats() {
        assertThat(choose("...x.x.x.x", 2)).containsExactly(1, 2);
    }

    @Test
    void withoutAnyLongEnoughRunTheLowestFreeSeatsAreChosen() {
        assertThat(choose(".x.x.x..xx", 3)).containsExactly(1, 3, 5);
    }

    @Test
    void fewerFreeSeatsThanAskedGivesNothing() {
        assertThat(choose("xx.xx.xxxx", 3)).isNull();
    }

    @Test
    void theLastSeatsOfTheEventCount() {
        assertThat(choose("xxxxxxx...", 3)).containsExactly(8, 9, 10);
    }
}
