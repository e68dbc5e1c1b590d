package org.boxoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.boxoffice.testing.Unbounded.NO_BOUND;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Best available on a laid-out venue, one rule per test; rows written as text: {@code x} taken, {@code .} free. */
class BestAvailableInRowsTest {

    private static final BookingLimits LIMITS = new BookingLimits(100_000, 50, NO_BOUND, NO_BOUND);
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    /** A section of rows drawn as text, named and categorised. */
    record Drawn(String name, String category, String... rows) {
    }

    /** A venue drawn section by section, and its taken seats. */
    record Venue(Event event, BitSet taken) {

        static Venue of(Drawn... sections) {
            List<Layout.Section> layout = new ArrayList<>();
            BitSet taken = new BitSet();
            int seat = 1;
            for (Drawn drawn : sections) {
                List<Layout.Row> rows = new ArrayList<>();
                for (int r = 0; r < drawn.rows().length; r++) {
                    String row = drawn.rows()[r];
                    rows.add(new Layout.Row(String.valueOf((char) ('A' + r)), row.length()));
                    for (int i = 0; i < row.length(); i++, seat++) {
                        taken.set(seat, row.charAt(i) == 'x');
                    }
                }
                layout.add(new Layout.Section(drawn.name(), drawn.category(), rows));
            }
            Event event = Event.schedule(EventId.random(), "org", new Event.Plan("Concert", "Hall", NOW.plusSeconds(3600), null, layout, null, null),
                LIMITS, NOW);
            return new Venue(event, taken);
        }

        int[] choose(int quantity) {
            return choose(quantity, SeatScope.ANYWHERE);
        }

        int[] choose(int quantity, SeatScope scope) {
            return BestAvailable.select(event, taken, quantity, scope).seats();
        }
    }

    private static Venue venue(String... rows) {
        return Venue.of(new Drawn("Stalls", "A", rows));
    }

    @Test
    void anEmptyRowGivesTheSeatsNearestItsMiddle() {
        assertThat(venue("..........").choose(4)).containsExactly(4, 5, 6, 7);
        assertThat(venue(".........").choose(2)).containsExactly(4, 5);
    }

    @Test
    void theFrontRowWinsEvenAtItsSide() {
        assertThat(venue("xxxxxx....", "..........").choose(4)).containsExactly(7, 8, 9, 10);
    }

    @Test
    void aBlockThatWouldStrandASeatIsPassedOverWhenAnotherRowAvoidsIt() {
        // Row A's free run 2..6 strands seat 2 or seat 6 with any block of 4; row C does not.
        assertThat(venue("x.....xxxx", "xxxx..xxxx", "..........").choose(4)).containsExactly(24, 25, 26, 27);
    }

    @Test
    void withinARowTheBlockStrandsNobodyAndSitsNearestTheMiddle() {
        // Free 2..7: 2..5 leaves 6-7 together, 3..6 would strand 2 and 7, 4..7 leaves 2-3 together and is central.
        assertThat(venue("x......xxx").choose(4)).containsExactly(4, 5, 6, 7);
    }

    @Test
    void whenEveryBlockStrandsASeatTheFrontMostStillKeepsTheSeatsTogether() {
        // Both rows' runs of 5 strand a seat with any block of 4: the front row's block nearest its middle.
        assertThat(venue("x.....xxxx", "xxxxx.....x").choose(4)).containsExactly(3, 4, 5, 6);
    }

    @Test
    void withoutEnoughAdjacentSeatsInAnyRowTheFewestAdjacentRowsOfOneSectionShare() {
        // No row has 5 together; rows A and B have 4 free each: A's two pairs, then one seat of B nearest its middle.
        assertThat(venue("xxx..xxx..", "..xxxxxx..", "xxxxxxxxxx").choose(5)).containsExactly(4, 5, 9, 10, 12);
    }

    @Test
    void adjacentRowsAreFoundWithinOneSectionOnly() {
        Venue venue = Venue.of(new Drawn("Stalls", "A", "..x..", "xxxxx"), new Drawn("Balcony", "B", "x..x."));
        // Stalls' row A has 4 free seats, Balcony's 3: 5 seats take rows of both sections, front first, the
        // last one nearest the Balcony row's middle.
        assertThat(venue.choose(5)).containsExactly(1, 2, 4, 5, 13);
    }

    @Test
    void aSectionOrACategoryLimitsWhereSeatsMayBe() {
        Venue venue = Venue.of(new Drawn("Stalls", "A", "....."), new Drawn("Balcony", "B", "....."),
                new Drawn("Box", "B", "....."));

        // In a row of 5, the two middle blocks would strand seat 6 or seat 10.
        assertThat(venue.choose(2, new SeatScope("Balcony", null))).containsExactly(6, 7);
        assertThat(venue.choose(5, new SeatScope(null, "B"))).containsExactly(6, 7, 8, 9, 10);
        assertThat(venue.choose(2, new SeatScope("Box", null))).containsExactly(11, 12);
    }

    @Test
    void anUnknownSectionOrCategoryIsRefused() {
        Venue venue = venue(".....");

        assertThatThrownBy(() -> venue.choose(2, new SeatScope("Gallery", null)))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("section"));
        assertThatThrownBy(() -> venue.choose(2, new SeatScope(null, "Z")))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("category"));
    }

    @Test
    void fewerFreeSeatsInTheScopeThanAskedIsRefusedWithHowManyAreFree() {
        Venue venue = Venue.of(new Drawn("Stalls", "A", "xx.xx"), new Drawn("Balcony", "B", "....."));

        assertThatThrownBy(() -> venue.choose(2, new SeatScope("Stalls", null)))
                .isInstanceOfSatisfying(NotEnoughSeatsException.class, e -> assertThat(e.available()).isEqualTo(1));
    }

    @Test
    void longRowsAndLargeQuantitiesAreCheckedSeatBySeat() {
        String row = ".".repeat(70) + "x" + ".".repeat(64);
        // Runs of 70 and 64 share the mask's "63 or more" bit, so both rows' runs are checked seat by seat:
        // 7..70 strands nobody and lies nearer the row's middle than 72..135.
        assertThat(venue(row).choose(64)).hasSize(64).startsWith(7).endsWith(70);
        assertThat(venue(row).choose(70)).hasSize(70).startsWith(1).endsWith(70);
    }
}
