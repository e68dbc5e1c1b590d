package org.boxoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.boxoffice.testing.Unbounded.NO_BOUND;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Best available on random venues and random occupancies, checked against the rules by brute force:
 * the seats are free and in scope; side by side in one row whenever any row has that many together;
 * stranding no single seat whenever some block avoids it; in the front-most such row, nearest its middle.
 */
class BestAvailablePropertyTest {

    private static final BookingLimits LIMITS = new BookingLimits(100_000, 50, NO_BOUND, NO_BOUND);
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final int CASES = 3_000;

    @Test
    void everyChoiceKeepsTheRules() {
        Random random = new Random(20261202);
        for (int i = 0; i < CASES; i++) {
            Event event = randomEvent(random);
            BitSet taken = randomOccupancy(random, event.totalSeats());
            SeatScope scope = randomScope(random, event.layout());
            int quantity = 1 + random.nextInt(8);
            String context = "case " + i + ": " + event.layout() + ", taken " + taken + ", " + quantity + " in " + scope;

            checkChoice(event, taken, quantity, scope, context);
        }
    }

    @Test
    void aSeatMapKeepsItsRowIndexInStepWithItsSeats() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            Event event = randomEvent(random);
            SeatMap map = new SeatMap(event);
            List<HoldId> holds = new ArrayList<>();
            Instant at = NOW;
            for (int step = 0; step < 40; step++) {
                at = at.plusSeconds(random.nextInt(20));
                int quantity = 1 + random.nextInt(5);
                try {
                    SeatSelection seats = map.bestAvailable(quantity, SeatScope.ANYWHERE, at);
                    BitSet taken = takenIn(map, event.totalSeats(), at);
                    assertThat(seats).as("step %d of case %d", step, i)
                            .isEqualTo(BestAvailable.select(event, taken, quantity, SeatScope.ANYWHERE));
                    if (random.nextBoolean()) {
                        map.book(seats, at);
                    } else {
                        HoldId id = HoldId.random();
                        map.hold(Hold.placed(id, event, "c", seats, at, at.plus(Duration.ofSeconds(60))));
                        holds.add(id);
                    }
                } catch (NotEnoughSeatsException full) {
                    holds.forEach(id -> map.release(id, NOW.plusSeconds(100_000)));
                    holds.clear();
                }
                if (!holds.isEmpty() && random.nextInt(4) == 0) {
                    map.release(holds.remove(random.nextInt(holds.size())), at);
                }
            }
        }
    }

    private static void checkChoice(Event event, BitSet taken, int quantity, SeatScope scope, String context) {
        Layout layout = event.layout();
        List<Integer> rowsInScope = new ArrayList<>();
        for (int[] range : scope.rows(layout)) {
            for (int row = range[0]; row <= range[1]; row++) {
                rowsInScope.add(row);
            }
        }
        int free = 0;
        for (int row : rowsInScope) {
            free += count(taken, layout.firstSeat(row), layout.lastSeat(row));
        }
        if (free < quantity) {
            int expectedFree = free;
            assertThatThrownBy(() -> BestAvailable.select(event, taken, quantity, scope)).as(context)
                    .isInstanceOfSatisfying(NotEnoughSeatsException.class,
                            e -> assertThat(e.available()).isEqualTo(expectedFree));
            return;
        }
        Throwable failure = catchThrowable(() -> BestAvailable.select(event, taken, quantity, scope));
        assertThat(failure).as(context).isNull();
        int[] chosen = BestAvailable.select(event, taken, quantity, scope).seats();

        assertThat(chosen).as(context).hasSize(quantity).doesNotHaveDuplicates();
        for (int seat : chosen) {
            assertThat(taken.get(seat)).as(context + ": seat %d is taken", seat).isFalse();
            assertThat(rowsInScope).as(context + ": seat %d out of scope", seat).contains(layout.rowOf(seat));
        }
        Integer cleanRow = firstRowWithBlock(layout, taken, rowsInScope, quantity, true);
        Integer anyRow = firstRowWithBlock(layout, taken, rowsInScope, quantity, false);
        if (anyRow == null) {
            return;
        }
        int row = layout.rowOf(chosen[0]);
        assertThat(chosen[quantity - 1] - chosen[0]).as(context + ": side by side").isEqualTo(quantity - 1);
        assertThat(layout.rowOf(chosen[quantity - 1])).as(context + ": one row").isEqualTo(row);
        boolean clean = cleanRow != null;
        assertThat(row).as(context + ": the front-most row with a block").isEqualTo(clean ? cleanRow : anyRow);
        if (clean) {
            assertThat(strands(layout, taken, chosen[0], quantity)).as(context + ": strands a seat").isFalse();
        }
        int best = Integer.MAX_VALUE;
        for (int start = layout.firstSeat(row); start + quantity - 1 <= layout.lastSeat(row); start++) {
            if (count(taken, start, start + quantity - 1) == quantity && !(clean && strands(layout, taken, start, quantity))) {
                best = Math.min(best, distance(layout, row, start, quantity));
            }
        }
        assertThat(distance(layout, row, chosen[0], quantity)).as(context + ": nearest the middle").isEqualTo(best);
    }

    private static Integer firstRowWithBlock(Layout layout, BitSet taken, List<Integer> rows, int quantity,
            boolean clean) {
        for (int row : rows) {
            for (int start = layout.firstSeat(row); start + quantity - 1 <= layout.lastSeat(row); start++) {
                if (count(taken, start, start + quantity - 1) == quantity && !(clean && strands(layout, taken, start, quantity))) {
                    return row;
                }
            }
        }
        return null;
    }

    /** Whether taking {@code start..start+quantity-1} leaves one free seat alone beside it in its row. */
    private static boolean strands(Layout layout, BitSet taken, int start, int quantity) {
        int row = layout.rowOf(start);
        int end = start + quantity - 1;
        boolean aloneBefore = start - 1 >= layout.firstSeat(row) && !taken.get(start - 1)
                && (start - 2 < layout.firstSeat(row) || taken.get(start - 2));
        boolean aloneAfter = end + 1 <= layout.lastSeat(row) && !taken.get(end + 1)
                && (end + 2 > layout.lastSeat(row) || taken.get(end + 2));
        return aloneBefore || aloneAfter;
    }

    private static int distance(Layout layout, int row, int start, int quantity) {
        return Math.abs(2 * start + quantity - 1 - layout.firstSeat(row) - layout.lastSeat(row));
    }

    private static int count(BitSet taken, int first, int last) {
        return last - first + 1 - taken.get(first, last + 1).cardinality();
    }

    private static BitSet takenIn(SeatMap map, int totalSeats, Instant at) {
        BitSet taken = new BitSet();
        for (int seat = 1; seat <= totalSeats; seat++) {
            taken.set(seat, map.isTaken(seat, at));
        }
        return taken;
    }

    private static Event randomEvent(Random random) {
        List<Layout.Section> sections = new ArrayList<>();
        for (int s = 0, count = 1 + random.nextInt(3); s < count; s++) {
            List<Layout.Row> rows = new ArrayList<>();
            for (int r = 0, rowCount = 1 + random.nextInt(6); r < rowCount; r++) {
                rows.add(new Layout.Row("R" + r, 1 + random.nextInt(15)));
            }
            sections.add(new Layout.Section("S" + s, random.nextBoolean() ? "A" : "B", rows));
        }
        return Event.schedule(EventId.random(), "org", new Event.Plan("Concert", "Hall", NOW.plusSeconds(3600), null, sections, null, null),
                LIMITS, NOW);
    }

    private static BitSet randomOccupancy(Random random, int totalSeats) {
        double density = random.nextDouble();
        BitSet taken = new BitSet(totalSeats + 1);
        for (int seat = 1; seat <= totalSeats; seat++) {
            taken.set(seat, random.nextDouble() < density);
        }
        return taken;
    }

    private static SeatScope randomScope(Random random, Layout layout) {
        return switch (random.nextInt(4)) {
            case 0 -> new SeatScope(layout.sections().get(random.nextInt(layout.sections().size())).name(), null);
            case 1 -> {
                String category = layout.sections().get(random.nextInt(layout.sections().size())).category();
                yield new SeatScope(null, category);
            }
            default -> SeatScope.ANYWHERE;
        };
    }
}
