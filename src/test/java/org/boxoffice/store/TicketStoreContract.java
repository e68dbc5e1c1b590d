package org.boxoffice.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.boxoffice.domain.Booking;
import org.boxoffice.domain.BookingId;
import org.boxoffice.domain.BookingLimits;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.SeatCounts;
import org.boxoffice.domain.SeatRange;
import org.boxoffice.domain.SeatSelection;
import org.boxoffice.domain.SeatsUnavailableException;
import org.boxoffice.domain.TicketStore;
import org.boxoffice.domain.UnknownIdException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TicketStore} must do, whatever keeps the data. Each store's test extends this
 * class and says only how to make a fresh store.
 */
public abstract class TicketStoreContract {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final BookingLimits LIMITS = new BookingLimits(100_000, 50);

    private TicketStore store;

    /** A store holding nothing from earlier tests (or at least nothing these tests can see). */
    protected abstract TicketStore newStore();

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    private Event addEvent(int totalSeats) {
        Event event = new Event(EventId.random(), "Contract Concert", "Test Hall", NOW.plus(Duration.ofDays(30)),
                totalSeats, NOW);
        store.addEvent(event);
        return event;
    }

    private static Booking booking(Event event, Integer... seats) {
        return Booking.confirmed(BookingId.random(), event.id(), SeatSelection.of(List.of(seats),
                event.totalSeats(), LIMITS), NOW);
    }

    @Test
    void anAddedEventCanBeFoundAgain() {
        Event event = addEvent(500);

        assertThat(store.findEvent(event.id())).contains(event);
        assertThat(store.findEvent(EventId.random())).isEmpty();
    }

    @Test
    void aNewEventHasAllSeatsAvailable() {
        Event event = addEvent(500);

        assertThat(store.seatCounts(event.id())).contains(new SeatCounts(500, 0, 0, 500));
        assertThat(store.availableSeats(event.id())).contains(List.of(new SeatRange(1, 500)));
    }

    @Test
    void anUnknownEventHasNoCountsAndNoSeats() {
        assertThat(store.seatCounts(EventId.random())).isEmpty();
        assertThat(store.availableSeats(EventId.random())).isEmpty();
    }

    @Test
    void aBookingIsStoredAndItsSeatsAreTaken() {
        Event event = addEvent(10);
        Booking booking = booking(event, 2, 3);

        store.addBooking(booking);

        assertThat(store.findBooking(booking.id())).contains(booking);
        assertThat(store.seatCounts(event.id())).contains(new SeatCounts(10, 2, 0, 8));
        assertThat(store.availableSeats(event.id())).contains(List.of(new SeatRange(1, 1), new SeatRange(4, 10)));
    }

    @Test
    void bookingAnAlreadyBookedSeatIsRejectedAndChangesNothing() {
        Event event = addEvent(10);
        store.addBooking(booking(event, 5));
        Booking overlapping = booking(event, 4, 5, 6);

        assertThatThrownBy(() -> store.addBooking(overlapping))
                .isInstanceOfSatisfying(SeatsUnavailableException.class,
                        e -> assertThat(e.unavailableSeats()).containsExactly(5));

        assertThat(store.findBooking(overlapping.id())).isEmpty();
        assertThat(store.seatCounts(event.id())).contains(new SeatCounts(10, 1, 0, 9));
    }

    @Test
    void bookingForAnUnknownEventIsRejected() {
        Event unstored = new Event(EventId.random(), "n", "v", NOW.plusSeconds(60), 10, NOW);

        assertThatThrownBy(() -> store.addBooking(booking(unstored, 1))).isInstanceOf(UnknownIdException.class);
        assertThat(store.findEvent(unstored.id())).isEmpty();
    }

    @Test
    void bookingsOfOneEventLeaveAnotherEventAlone() {
        Event first = addEvent(10);
        Event second = addEvent(10);

        store.addBooking(booking(first, 1, 2));
        store.addBooking(booking(second, 1, 2));

        assertThat(store.seatCounts(first.id()).orElseThrow().bookedSeats()).isEqualTo(2);
        assertThat(store.seatCounts(second.id()).orElseThrow().bookedSeats()).isEqualTo(2);
    }

    @Test
    void anUnknownBookingIsNotFound() {
        assertThat(store.findBooking(BookingId.random())).isEmpty();
    }

    /**
     * Many threads book random overlapping seat sets of one small event at once. Afterwards no seat is in
     * two bookings, every success is stored, every refusal named a seat some success holds, and the
     * counts add up.
     */
    @Test
    void concurrentBookingsNeverSellASeatTwice() throws Exception {
        int threads = 32;
        int attemptsPerThread = 200;
        Event event = addEvent(60);
        Map<BookingId, Booking> succeeded = new ConcurrentHashMap<>();
        List<int[]> refusedSeats = new ArrayList<>();
        AtomicInteger refusals = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                futures.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    start.await();
                    for (int i = 0; i < attemptsPerThread; i++) {
                        Booking attempt = randomBooking(event, random);
                        try {
                            store.addBooking(attempt);
                            succeeded.put(attempt.id(), attempt);
                        } catch (SeatsUnavailableException e) {
                            refusals.incrementAndGet();
                            synchronized (refusedSeats) {
                                refusedSeats.add(e.unavailableSeats());
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        int[] owner = new int[event.totalSeats() + 1];
        int bookedSeats = 0;
        for (Booking booking : succeeded.values()) {
            assertThat(store.findBooking(booking.id())).contains(booking);
            for (int seat : booking.seats().seats()) {
                assertThat(owner[seat]).as("seat %d is in two bookings", seat).isZero();
                owner[seat] = 1;
                bookedSeats++;
            }
        }
        for (int[] seats : refusedSeats) {
            for (int seat : seats) {
                assertThat(owner[seat]).as("seat %d was refused but nobody holds it", seat).isEqualTo(1);
            }
        }
        assertThat(succeeded).isNotEmpty();
        assertThat(refusals.get()).isPositive();
        assertThat(store.seatCounts(event.id())).contains(SeatCounts.of(60, bookedSeats, 0));
    }

    private static Booking randomBooking(Event event, Random random) {
        int size = 1 + random.nextInt(4);
        List<Integer> seats = new ArrayList<>();
        while (seats.size() < size) {
            int seat = 1 + random.nextInt(event.totalSeats());
            if (!seats.contains(seat)) {
                seats.add(seat);
            }
        }
        return Booking.confirmed(BookingId.random(), event.id(), SeatSelection.of(seats, event.totalSeats(), LIMITS),
                NOW);
    }
}
