package org.boxoffice.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.boxoffice.domain.Booking;
import org.boxoffice.domain.BookingId;
import org.boxoffice.domain.BookingLimits;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Hold;
import org.boxoffice.domain.HoldId;
import org.boxoffice.domain.HoldRequest;
import org.boxoffice.domain.Layout;
import org.boxoffice.domain.SeatChoice;
import org.boxoffice.domain.SeatRange;
import org.boxoffice.domain.SeatSelection;
import org.boxoffice.store.memory.InMemoryTicketStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Best available on a real venue against naming the seats: a 100,000-seat venue (40 sections of 25 rows
 * of 100 seats), half sold at random, in the in-memory store. Each operation places a hold of 4 seats
 * and releases it again, so the venue stays half sold: best-available (the store chooses), and named
 * (the seats were chosen beforehand). Booking named seats and cancelling them is the third baseline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VenueBenchmark {

    private static final int SECTIONS = 40;
    private static final int ROWS = 25;
    private static final int SEATS_PER_ROW = 100;
    private static final int QUANTITY = 4;
    private static final BookingLimits LIMITS = new BookingLimits(1_000_000, 50, Integer.MAX_VALUE, Integer.MAX_VALUE);
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(10);

    private MemoryStores stores;
    private InMemoryTicketStore store;
    private Event event;
    private final List<SeatSelection> freeBlocks = new ArrayList<>();
    private int next;

    /** Hands out the iteration's notifications, as the service's dispatcher would have. */
    @TearDown(Level.Iteration)
    public void drainOutbox() {
        stores.drainOutbox(NOW);
    }

    @Setup(Level.Trial)
    public void halfSoldVenue() {
        List<Layout.Section> sections = new ArrayList<>();
        for (int s = 0; s < SECTIONS; s++) {
            List<Layout.Row> rows = new ArrayList<>();
            for (int r = 0; r < ROWS; r++) {
                rows.add(new Layout.Row("R" + r, SEATS_PER_ROW));
            }
            sections.add(new Layout.Section("S" + s, s % 2 == 0 ? "A" : "B", rows));
        }
        event = Event.schedule(EventId.random(), "org", new Event.Plan("Benchmark", "Arena", NOW.plus(Duration.ofDays(30)), null, sections, null, null),
                LIMITS, NOW);
        stores = MemoryStores.create();
        store = stores.tickets();
        store.addEvent(event, Integer.MAX_VALUE);
        Random random = new Random(42);
        List<Integer> sold = new ArrayList<>();
        for (int seat = 1; seat <= event.totalSeats(); seat++) {
            if (random.nextBoolean()) {
                sold.add(seat);
            }
            if (sold.size() == 50 || seat == event.totalSeats() && !sold.isEmpty()) {
                store.addBooking(Booking.confirmed(BookingId.random(), event.id(), "fan",
                        SeatSelection.of(sold, event.totalSeats(), LIMITS), NOW), Integer.MAX_VALUE);
                sold.clear();
            }
        }
        // Named seats: blocks of free seats spread over the venue, taken in turn.
        for (SeatRange range : store.availableSeats(event.id(), NOW).orElseThrow()) {
            if (range.last() - range.first() + 1 >= QUANTITY && freeBlocks.size() < 1_000) {
                freeBlocks.add(SeatSelection.ofAscending(new int[] {range.first(), range.first() + 1,
                        range.first() + 2, range.first() + 3}));
            }
        }
    }

    @Benchmark
    public Hold holdBestAvailableThenRelease() {
        return placeAndRelease(new SeatChoice.BestOf(QUANTITY));
    }

    @Benchmark
    public Hold holdNamedSeatsThenRelease() {
        return placeAndRelease(new SeatChoice.Explicit(nextBlock()));
    }

    @Benchmark
    public Booking bookNamedSeatsThenCancel() {
        Booking booking = Booking.confirmed(BookingId.random(), event.id(), "alice", nextBlock(), NOW);
        store.addBooking(booking, Integer.MAX_VALUE);
        return store.cancelBooking(booking.id(), Optional.empty(), NOW).booking();
    }

    private Hold placeAndRelease(SeatChoice choice) {
        Hold hold = store.placeHold(new HoldRequest(HoldId.random(), event, "alice", choice, TTL, 50, Integer.MAX_VALUE), NOW);
        return store.releaseHold(hold.id(), NOW);
    }

    private SeatSelection nextBlock() {
        next = (next + 1) % freeBlocks.size();
        return freeBlocks.get(next);
    }
}
