package org.boxoffice.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.boxoffice.domain.Booking;
import org.boxoffice.domain.BookingId;
import org.boxoffice.domain.BookingLimits;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.RefundPolicy;
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

/**
 * The in-memory store alone, as the booking path uses it: check the requested seats, build the
 * booking, claim the seats under the event's lock, write the notification to the outbox (handed out in
 * batches, as the service does). One new seat per booking, of one large event.
 * Run with {@code -prof gc} for the bytes allocated per booking.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class InMemoryStoreBenchmark {

    private static final int SEATS = 50_000_000;
    private static final BookingLimits LIMITS = new BookingLimits(SEATS, 50, Integer.MAX_VALUE, Integer.MAX_VALUE);
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    /** How many bookings the outbox gathers before it is handed out, as the service's dispatcher does. */
    private static final int DRAIN_EVERY = 4096;

    private MemoryStores stores;
    private InMemoryTicketStore store;
    private Event event;
    private final AtomicInteger nextSeat = new AtomicInteger();

    @Setup(Level.Iteration)
    public void newStoreAndEvent() {
        stores = MemoryStores.create();
        store = stores.tickets();
        event = new Event(EventId.random(), "Benchmark", "Hall", NOW.plus(Duration.ofDays(30)), SEATS, NOW, "org",
                null, null, RefundPolicy.DEFAULT, null);
        store.addEvent(event, Integer.MAX_VALUE);
        nextSeat.set(0);
    }

    /** Each booking writes its notification to the outbox; every {@link #DRAIN_EVERY}th hands them out. */
    @Benchmark
    public Booking bookOneNewSeat() {
        int seat = nextSeat.incrementAndGet();
        SeatSelection seats = SeatSelection.of(List.of(seat), SEATS, LIMITS);
        Booking booking = Booking.confirmed(BookingId.random(), event.id(), "alice", seats, NOW);
        store.addBooking(booking, Integer.MAX_VALUE);
        if (seat % DRAIN_EVERY == 0) {
            stores.drainOutbox(NOW);
        }
        return booking;
    }
}
