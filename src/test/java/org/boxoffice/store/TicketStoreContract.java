package org.boxoffice.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.boxoffice.testing.Unbounded.NO_BOUND;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.boxoffice.domain.AlreadyCheckedInException;
import org.boxoffice.domain.Booking;
import org.boxoffice.domain.BookingId;
import org.boxoffice.domain.BookingLimits;
import org.boxoffice.domain.BookingStatus;
import org.boxoffice.domain.CheckIn;
import org.boxoffice.domain.Cursor;
import org.boxoffice.domain.EntryId;
import org.boxoffice.domain.EntryStatus;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.EventCancelledException;
import org.boxoffice.domain.EventFilter;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Hold;
import org.boxoffice.domain.HoldId;
import org.boxoffice.domain.HoldLimitExceededException;
import org.boxoffice.domain.HoldNotActiveException;
import org.boxoffice.domain.HoldRequest;
import org.boxoffice.domain.HoldStatus;
import org.boxoffice.domain.InvalidRequestException;
import org.boxoffice.domain.Layout;
import org.boxoffice.domain.Money;
import org.boxoffice.domain.NotCheckedInException;
import org.boxoffice.domain.NotEnoughSeatsException;
import org.boxoffice.domain.Notification;
import org.boxoffice.domain.NotificationType;
import org.boxoffice.domain.Page;
import org.boxoffice.domain.PageRequest;
import org.boxoffice.domain.QuotaExceededException;
import org.boxoffice.domain.Refund;
import org.boxoffice.domain.RefundPolicy;
import org.boxoffice.domain.SalesReport;
import org.boxoffice.domain.SeatChoice;
import org.boxoffice.domain.SeatCounts;
import org.boxoffice.domain.SeatPlan;
import org.boxoffice.domain.SeatRange;
import org.boxoffice.domain.SeatScope;
import org.boxoffice.domain.SeatSelection;
import org.boxoffice.domain.SeatsAlreadyCancelledException;
import org.boxoffice.domain.SeatsAvailableException;
import org.boxoffice.domain.SeatsUnavailableException;
import org.boxoffice.domain.Ticket;
import org.boxoffice.domain.TicketCancelledException;
import org.boxoffice.domain.TicketStore;
import org.boxoffice.domain.UnknownIdException;
import org.boxoffice.domain.WaitlistEntry;
import org.boxoffice.testing.Concurrently;
import org.boxoffice.testing.StoreRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TicketStore} must do, whatever keeps the data. Each store's test extends this
 * class and says only how to make a fresh store. Time is passed in, never slept through.
 */
public abstract class TicketStoreContract {

    protected static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final BookingLimits LIMITS = new BookingLimits(100_000, 50, NO_BOUND, NO_BOUND);
    private static final String CUSTOMER = "alice";

    private TicketStore store;

    /** A store holding nothing from earlier tests (or at least nothing these tests can see). */
    protected abstract TicketStore newStore();

    /**
     * The notifications the store made with the event's changes, oldest first, read from where it keeps
     * them (the outbox) before anything hands them out.
     */
    protected abstract List<Notification> notifications(EventId id);

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    private Event addEvent(int totalSeats) {
        return addEvent(totalSeats, "Test Hall", NOW.plus(Duration.ofDays(30)));
    }

    private Event addEvent(int totalSeats, String venue, Instant startsAt) {
        Event event = new Event(EventId.random(), "Contract Concert", venue, startsAt, totalSeats, NOW, "organizer",
                null, null, RefundPolicy.DEFAULT, null);
        store.addEvent(event, NO_BOUND);
        return event;
    }

    private static SeatSelection seats(Event event, Integer... seats) {
        return SeatSelection.of(List.of(seats), event.totalSeats(), LIMITS);
    }

    private static Booking booking(Event event, Integer... seats) {
        return Booking.confirmed(BookingId.random(), event, CUSTOMER, seats(event, seats), NOW);
    }

    private Hold hold(Event event, Instant at, Integer... seats) {
        return store.placeHold(new HoldRequest(HoldId.random(), event, CUSTOMER, new SeatChoice.Explicit(seats(event, seats)), TTL, 50, NO_BOUND), at);
    }

    private SeatCounts counts(Event event, Instant at) {
        return store.seatCounts(event.id(), at).orElseThrow();
    }

    /** A venue: Stalls (category A) of rows A and B of 10 seats, and Balcony (B) of one row of 8. */
    private Event addVenue() {
        List<Layout.Section> layout = List.of(
                new Layout.Section("Stalls", "A", List.of(new Layout.Row("A", 10), new Layout.Row("B", 10))),
                new Layout.Section("Balcony", "B", List.of(new Layout.Row("A", 8))));
        Event event = Event.schedule(EventId.random(), "organizer",
                new Event.Plan("Venue Concert", "Opera", NOW.plus(Duration.ofDays(30)), null, layout, null, null), LIMITS, NOW);
        store.addEvent(event, NO_BOUND);
        return event;
    }

    private Hold holdBest(Event event, int quantity, SeatScope scope, Instant at) {
        return store.placeHold(new HoldRequest(HoldId.random(), event, CUSTOMER, new SeatChoice.BestOf(quantity, scope),
                TTL, 50, NO_BOUND), at);
    }

    // --- events and direct bookings ---

    @Test
    void anAddedEventCanBeFoundAgain() {
        Event event = addEvent(500);

        assertThat(store.findEvent(event.id())).contains(event);
        assertThat(store.findEvent(EventId.random())).isEmpty();
    }

    @Test
    void aNewEventHasAllSeatsAvailable() {
        Event event = addEvent(500);

        assertThat(store.seatCounts(event.id(), NOW)).contains(new SeatCounts(500, 0, 0, 500));
        assertThat(store.availableSeats(event.id(), NOW)).contains(List.of(new SeatRange(1, 500)));
    }

    @Test
    void anUnknownEventHasNoCountsAndNoSeats() {
        assertThat(store.seatCounts(EventId.random(), NOW)).isEmpty();
        assertThat(store.availableSeats(EventId.random(), NOW)).isEmpty();
    }

    @Test
    void aBookingIsStoredAndItsSeatsAreTaken() {
        Event event = addEvent(10);
        Booking booking = booking(event, 2, 3);

        store.addBooking(booking, NO_BOUND);

        assertThat(store.findBooking(booking.id())).contains(booking);
        assertThat(counts(event, NOW)).isEqualTo(new SeatCounts(10, 2, 0, 8));
        assertThat(store.availableSeats(event.id(), NOW))
                .contains(List.of(new SeatRange(1, 1), new SeatRange(4, 10)));
    }

    @Test
    void bookingAnAlreadyBookedSeatIsRejectedAndChangesNothing() {
        Event event = addEvent(10);
        store.addBooking(booking(event, 5), NO_BOUND);
        Booking overlapping = booking(event, 4, 5, 6);

        assertThatThrownBy(() -> store.addBooking(overlapping, NO_BOUND))
                .isInstanceOfSatisfying(SeatsUnavailableException.class,
                        e -> assertThat(e.unavailableSeats()).containsExactly(5));

        assertThat(store.findBooking(overlapping.id())).isEmpty();
        assertThat(counts(event, NOW)).isEqualTo(new SeatCounts(10, 1, 0, 9));
    }

    @Test
    void bookingForAnUnknownEventIsRejected() {
        Event unstored = new Event(EventId.random(), "n", "v", NOW.plusSeconds(60), 10, NOW, "organizer",
                null, null, RefundPolicy.DEFAULT, null);

        assertThatThrownBy(() -> store.addBooking(booking(unstored, 1), NO_BOUND))
                .isInstanceOf(UnknownIdException.class);
        assertThat(store.findEvent(unstored.id())).isEmpty();
    }

    @Test
    void bookingsOfOneEventLeaveAnotherEventAlone() {
        Event first = addEvent(10);
        Event second = addEvent(10);

        store.addBooking(booking(first, 1, 2), NO_BOUND);
        store.addBooking(booking(second, 1, 2), NO_BOUND);

        assertThat(counts(first, NOW).bookedSeats()).isEqualTo(2);
        assertThat(counts(second, NOW).bookedSeats()).isEqualTo(2);
    }

    @Test
    void anUnknownBookingIsNotFound() {
        assertThat(store.findBooking(BookingId.random())).isEmpty();
    }

    // --- holds ---

    @Test
    void aHoldTakesItsSeatsAsHeldUntilItExpires() {
        Event event = addEvent(10);

        Hold hold = hold(event, NOW, 2, 3);

        assertThat(store.findHold(hold.id())).contains(hold);
        assertThat(hold.status()).isEqualTo(HoldStatus.HELD);
        assertThat(hold.expiresAt()).isEqualTo(NOW.plus(TTL));
        assertThat(counts(event, NOW)).isEqualTo(new SeatCounts(10, 0, 2, 8));
        assertThatThrownBy(() -> store.addBooking(booking(event, 3, 4), NO_BOUND))
                .isInstanceOf(SeatsUnavailableException.class);
        assertThatThrownBy(() -> hold(event, NOW, 1, 2)).isInstanceOf(SeatsUnavailableException.class);
    }

    @Test
    void anExpiredHoldsSeatsAreFreeToEveryoneAtTheInstantItExpires() {
        Event event = addEvent(10);
        Hold hold = hold(event, NOW, 2, 3);
        Instant expiry = hold.expiresAt();

        assertThat(counts(event, expiry.minusMillis(1))).isEqualTo(new SeatCounts(10, 0, 2, 8));
        assertThat(counts(event, expiry)).isEqualTo(new SeatCounts(10, 0, 0, 10));
        assertThat(store.availableSeats(event.id(), expiry)).contains(List.of(new SeatRange(1, 10)));
        assertThat(store.findHold(hold.id()).orElseThrow().statusAt(expiry)).isEqualTo(HoldStatus.EXPIRED);

        Hold next = hold(event, expiry, 2, 3);
        assertThat(next.seats()).isEqualTo(hold.seats());
    }

    @Test
    void aHoldOfAQuantityGetsTheBestSeatsAvailable() {
        Event event = addEvent(10);
        store.addBooking(booking(event, 1, 2, 4), NO_BOUND);

        Hold hold = store.placeHold(new HoldRequest(HoldId.random(), event, CUSTOMER, new SeatChoice.BestOf(3), TTL, 50, NO_BOUND), NOW);

        assertThat(hold.seats().seats()).containsExactly(5, 6, 7);
        assertThat(counts(event, NOW)).isEqualTo(new SeatCounts(10, 3, 3, 4));
    }

    @Test
    void aHoldOfMoreSeatsThanAreFreeIsRefusedWithTheNumberFree() {
        Event event = addEvent(5);
        store.addBooking(booking(event, 1, 2, 3), NO_BOUND);

        assertThatThrownBy(() -> store.placeHold(new HoldRequest(HoldId.random(), event, CUSTOMER, new SeatChoice.BestOf(3), TTL, 50, NO_BOUND), NOW))
                .isInstanceOfSatisfying(NotEnoughSeatsException.class, e -> assertThat(e.available()).isEqualTo(2));
        assertThat(counts(event, NOW)).isEqualTo(new SeatCounts(5, 3, 0, 2));
    }

    @Test
    void confirmingALiveHoldBooksItsSeats() {
        Event event = addEvent(10);
        Hold hold = hold(event, NOW, 2, 3);
        BookingId bookingId = BookingId.random();

        Booking booking = store.confirmHold(hold.id(), bookingId, null, NOW.plusSeconds(5));

        assertThat(booking.id()).isEqualTo(bookingId);
        assertThat(booking.seats()).isEqualTo(hold.seats());
        assertThat(booking.holdId()).isEqualTo(hold.id());
        assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(store.findBooking(bookingId)).contains(booking);
        Hold confirmed = store.findHold(hold.id()).orElseThrow();
        assertThat(confirmed.status()).isEqualTo(HoldStatus.CONFIRMED);
        assertThat(confirmed.bookingId()).isEqualTo(bookingId);
        assertThat(counts(event, hold.expiresAt().plusSeconds(1))).isEqualTo(new SeatCounts(10, 2, 0, 8));
    }

    @Test
    void confirmingAnExpiredHoldIsRefusedAsExpired() {
        Event event = addEvent(10);
        Hold hold = hold(event, NOW, 2);

        assertThatThrownBy(() -> store.confirmHold(hold.id(), BookingId.random(), null, hold.expiresAt()))
                .isInstanceOfSatisfying(HoldNotActiveException.class,
                        e -> assertThat(e.status()).isEqualTo(HoldStatus.EXPIRED));
        assertThat(counts(event, hold.expiresAt())).isEqualTo(new SeatCounts(10, 0, 0, 10));
    }

    @Test
    void confirmingAReleasedHoldIsRefusedAsReleased() {
        Event event = addEvent(10);
        Hold hold = hold(event, NOW, 2);
        store.releaseHold(hold.id(), NOW);

        assertThatThrownBy(() -> store.confirmHold(hold.id(), BookingId.random(), null, NOW))
                .isInstanceOfSatisfying(HoldNotActiveException.class,
                        e -> assertThat(e.status()).isEqualTo(HoldStatus.RELEASED));
    }

    @Test
    void confirmingAHoldTwiceIsRefusedTheSecondTime() {
        Event event = addEvent(10);
        Hold hold = hold(event, NOW, 2);
        store.confirmHold(hold.id(), BookingId.random(), null, NOW);

        assertThatThrownBy(() -> store.confirmHold(hold.id(), BookingId.random(), null, NOW))
                .isInstanceOfSatisfying(HoldNotActiveException.class,
                        e -> assertThat(e.status()).isEqualTo(HoldStatus.CONFIRMED));
        assertThat(counts(event, NOW)).isEqualTo(new SeatCounts(10, 1, 0, 9));
    }

    @Test
    void releasingAHoldFreesItsSeatsAtOnceAndReleasingAgainIsHarmless() {
        Event event = addEvent(10);
        Hold hold = hold(event, NOW, 2, 3);

        Hold released = store.releaseHold(hold.id(), NOW);

        assertThat(released.status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(counts(event, NOW)).isEqualTo(new SeatCounts(10, 0, 0, 10));
        assertThat(store.releaseHold(hold.id(), NOW)).isEqualTo(released);
        store.addBooking(booking(event, 2, 3), NO_BOUND);
    }

    @Test
    void releasingAnExpiredHoldChangesNothing() {
        Event event = addEvent(10);
        Hold hold = hold(event, NOW, 2);

        Hold after = store.releaseHold(hold.id(), hold.expiresAt());

        assertThat(after.statusAt(hold.expiresAt())).isEqualTo(HoldStatus.EXPIRED);
    }

    @Test
    void releasingAConfirmedHoldIsRefused() {
        Event event = addEvent(10);
        Hold hold = hold(event, NOW, 2);
        store.confirmHold(hold.id(), BookingId.random(), null, NOW);

        assertThatThrownBy(() -> store.releaseHold(hold.id(), NOW))
                .isInstanceOfSatisfying(HoldNotActiveException.class,
                        e -> assertThat(e.status()).isEqualTo(HoldStatus.CONFIRMED));
        assertThat(counts(event, NOW)).isEqualTo(new SeatCounts(10, 1, 0, 9));
    }

    @Test
    void anUnknownHoldIsNotFoundNorReleasedNorConfirmed() {
        HoldId unknown = HoldId.random();

        assertThat(store.findHold(unknown)).isEmpty();
        assertThatThrownBy(() -> store.releaseHold(unknown, NOW)).isInstanceOf(UnknownIdException.class);
        assertThatThrownBy(() -> store.confirmHold(unknown, BookingId.random(), null, NOW))
                .isInstanceOf(UnknownIdException.class);
    }

    @Test
    void theSweepCountsHoldsThatExpiredWithoutChangingWhatReadersSee() {
        Event event = addEvent(10);
        hold(event, NOW, 1);
        hold(event, NOW.plusSeconds(1), 2);
        Instant later = NOW.plus(TTL).plusSeconds(1);

        assertThat(store.sweepExpiredHolds(later)).isEqualTo(2);
        assertThat(counts(event, later)).isEqualTo(new SeatCounts(10, 0, 0, 10));
        assertThat(store.sweepExpiredHolds(later)).isZero();
    }

    @Test
    void aCustomerCannotHoldMoreSeatsOfAnEventThanTheLimit() {
        Event event = addEvent(20);
        store.placeHold(new HoldRequest(HoldId.random(), event, "bob", new SeatChoice.Explicit(seats(event, 1, 2, 3)),
                TTL, 4, NO_BOUND), NOW);

        assertThatThrownBy(() -> store.placeHold(new HoldRequest(HoldId.random(), event, "bob",
                new SeatChoice.BestOf(2), TTL, 4, NO_BOUND), NOW))
                .isInstanceOfSatisfying(HoldLimitExceededException.class,
                        e -> assertThat(e.alreadyHeld()).isEqualTo(3));
        Hold other = store.placeHold(new HoldRequest(HoldId.random(), event, "carol", new SeatChoice.BestOf(4), TTL,
                4, NO_BOUND), NOW);
        assertThat(other.customer()).isEqualTo("carol");
        assertThat(store.placeHold(new HoldRequest(HoldId.random(), event, "bob", new SeatChoice.BestOf(4), TTL, 4, NO_BOUND),
                NOW.plus(TTL)).seats().size()).as("expired holds no longer count").isEqualTo(4);
        assertThat(counts(event, NOW.plus(TTL))).isEqualTo(new SeatCounts(20, 0, 4, 16));
    }

    @Test
    void seatsHeldAndBookedTogetherStayWithinTheCustomersQuotaWhateverTheRoute() {
        Event event = addEvent(30);
        Booking first = Booking.confirmed(BookingId.random(), event, "bob", seats(event, 1, 2, 3), NOW);
        store.addBooking(first, 6);
        Hold held = store.placeHold(new HoldRequest(HoldId.random(), event, "bob",
                new SeatChoice.Explicit(seats(event, 4, 5)), TTL, 10, 6), NOW);
        store.confirmHold(held.id(), BookingId.random(), null, NOW);
        // Confirming, releasing and holding again cannot get past it: booked seats count as held ones do.
        Hold last = store.placeHold(new HoldRequest(HoldId.random(), event, "bob", new SeatChoice.BestOf(1), TTL, 10,
                6), NOW);
        store.releaseHold(last.id(), NOW);
        store.placeHold(new HoldRequest(HoldId.random(), event, "bob", new SeatChoice.BestOf(1), TTL, 10, 6), NOW);

        assertThatThrownBy(() -> store.placeHold(new HoldRequest(HoldId.random(), event, "bob",
                new SeatChoice.BestOf(1), TTL, 10, 6), NOW))
                .isInstanceOfSatisfying(QuotaExceededException.class, e -> assertThat(e.getMessage())
                        .contains("6 already"));
        assertThatThrownBy(() -> store.addBooking(Booking.confirmed(BookingId.random(), event, "bob",
                seats(event, 20), NOW), 6)).isInstanceOf(QuotaExceededException.class);
        assertThat(counts(event, NOW)).as("a refused request changes nothing").isEqualTo(new SeatCounts(30, 5, 1, 24));
        store.addBooking(Booking.confirmed(BookingId.random(), event, "carol", seats(event, 20, 21), NOW), 2);
        // Cancelled seats no longer count.
        store.cancelBooking(first.id(), Optional.of(seats(event, 1)), NOW);
        store.addBooking(Booking.confirmed(BookingId.random(), event, "bob", seats(event, 22), NOW), 6);
        assertThat(counts(event, NOW)).isEqualTo(new SeatCounts(30, 7, 1, 22));
    }

    /**
     * Many events of one organizer at once: no more than the quota that have yet to start and are not
     * cancelled; a cancelled or a past one makes room.
     */
    @Test
    void anOrganizerHasNoMoreEventsToComeThanTheQuotaEvenAtOnce() throws Exception {
        String organizer = "olga-" + UUID.randomUUID();
        List<Event> kept = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();

        Concurrently.run(8, thread -> {
            Event event = new Event(EventId.random(), "Quota " + thread, "Hall", NOW.plus(Duration.ofDays(30)), 10,
                    NOW, organizer, null, null, RefundPolicy.DEFAULT, null);
            try {
                store.addEvent(event, 3);
                kept.add(event);
            } catch (QuotaExceededException e) {
                refused.incrementAndGet();
            }
        });

        assertThat(kept).hasSize(3);
        assertThat(refused.get()).isEqualTo(5);
        Event another = new Event(EventId.random(), "Quota", "Hall", NOW.plus(Duration.ofDays(30)), 10, NOW, organizer,
                null, null, RefundPolicy.DEFAULT, null);
        assertThatThrownBy(() -> store.addEvent(another, 3)).isInstanceOf(QuotaExceededException.class);
        assertThat(store.findEvent(another.id())).as("a refused event is not kept").isEmpty();
        store.cancelEvent(kept.get(0).id(), NOW);
        store.addEvent(another, 3);
        Instant afterTheStart = NOW.plus(Duration.ofDays(31));
        store.addEvent(new Event(EventId.random(), "Later", "Hall", NOW.plus(Duration.ofDays(40)), 10, afterTheStart,
                organizer, null, null, RefundPolicy.DEFAULT, null), 1);
    }

    /** Many requests of one customer at once: together they never pass the quota, by holds or bookings. */
    @Test
    void concurrentRequestsOfOneCustomerNeverPassTheQuotaTogether() throws Exception {
        Event event = addEvent(200);
        int quota = 7;
        AtomicInteger refused = new AtomicInteger();

        Concurrently.run(16, thread -> {
            for (int i = 0; i < 4; i++) {
                try {
                    SeatSelection seat = seats(event, 1 + thread * 4 + i);
                    if ((thread + i) % 2 == 0) {
                        store.addBooking(Booking.confirmed(BookingId.random(), event, "bob", seat, NOW), quota);
                    } else {
                        store.placeHold(new HoldRequest(HoldId.random(), event, "bob", new SeatChoice.Explicit(seat),
                                TTL, quota, quota), NOW);
                    }
                } catch (QuotaExceededException | HoldLimitExceededException e) {
                    refused.incrementAndGet();
                }
            }
        });

        SeatCounts counts = counts(event, NOW);
        assertThat(counts.bookedSeats() + counts.heldSeats()).isEqualTo(quota);
        assertThat(refused.get()).isEqualTo(64 - quota);
    }

    @Test
    void ownersAreKeptWithEventsHoldsAndBookings() {
        Event event = addEvent(10);
        Hold hold = hold(event, NOW, 1);
        Booking booking = booking(event, 2);
        store.addBooking(booking, NO_BOUND);

        assertThat(store.findEvent(event.id()).orElseThrow().organizer()).isEqualTo("organizer");
        assertThat(store.findHold(hold.id()).orElseThrow().customer()).isEqualTo(CUSTOMER);
        assertThat(store.findBooking(booking.id()).orElseThrow().customer()).isEqualTo(CUSTOMER);
        assertThat(store.confirmHold(hold.id(), BookingId.random(), null, NOW).customer()).isEqualTo(CUSTOMER);
    }

    @Test
    void bookingsCanBeListedForOneCustomer() {
        Event event = addEvent(10);
        Booking mine = booking(event, 1);
        Booking theirs = Booking.confirmed(BookingId.random(), event, "mallory", seats(event, 2), NOW);
        store.addBooking(mine, NO_BOUND);
        store.addBooking(theirs, NO_BOUND);
        PageRequest all = new PageRequest(100, Optional.empty());

        assertThat(store.listBookings(all, Optional.of(CUSTOMER)).items()).containsExactly(mine);
        assertThat(store.listBookings(all, Optional.of("mallory")).items()).containsExactly(theirs);
        assertThat(store.listBookings(all, Optional.empty()).items()).containsExactlyInAnyOrder(mine, theirs);
    }

    // --- cancellation ---

    @Test
    void cancellingABookingFreesItsSeatsAndKeepsItReadable() {
        Event event = addEvent(10);
        Booking booking = booking(event, 4, 5);
        store.addBooking(booking, NO_BOUND);

        Booking cancelled = store.cancelBooking(booking.id(), Optional.empty(), NOW.plusSeconds(1)).booking();

        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(cancelled.cancelledAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(store.findBooking(booking.id())).contains(cancelled);
        assertThat(counts(event, NOW)).isEqualTo(new SeatCounts(10, 0, 0, 10));
        store.addBooking(booking(event, 4, 5), NO_BOUND);
    }

    @Test
    void cancellingTwiceAnswersTheSameAndFreesNothingMore() {
        Event event = addEvent(10);
        Booking booking = booking(event, 4);
        store.addBooking(booking, NO_BOUND);
        Booking first = store.cancelBooking(booking.id(), Optional.empty(), NOW).booking();
        store.addBooking(booking(event, 4), NO_BOUND);

        Booking second = store.cancelBooking(booking.id(), Optional.empty(), NOW.plusSeconds(9)).booking();

        assertThat(second).isEqualTo(first);
        assertThat(counts(event, NOW)).isEqualTo(new SeatCounts(10, 1, 0, 9));
    }

    @Test
    void aBookingConfirmedFromAHoldCanBeCancelled() {
        Event event = addEvent(10);
        Hold hold = hold(event, NOW, 7);
        Booking booking = store.confirmHold(hold.id(), BookingId.random(), null, NOW);

        store.cancelBooking(booking.id(), Optional.empty(), NOW).booking();

        assertThat(counts(event, NOW)).isEqualTo(new SeatCounts(10, 0, 0, 10));
    }

    @Test
    void cancellingAnUnknownBookingIsRejected() {
        assertThatThrownBy(() -> store.cancelBooking(BookingId.random(), Optional.empty(), NOW).booking())
                .isInstanceOf(UnknownIdException.class);
    }

    // --- listings ---

    @Test
    void eventsAreListedByDateThenIdAcrossPages() {
        List<Event> added = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            added.add(addEvent(10, "Hall", NOW.plus(Duration.ofDays(10 - i % 3))));
        }
        List<Event> expected = added.stream().sorted((a, b) -> Cursor.of(a).compareTo(Cursor.of(b))).toList();

        List<Event> listed = new ArrayList<>();
        Optional<Cursor> cursor = Optional.empty();
        do {
            Page<Event> page = store.listEvents(EventFilter.ALL, new PageRequest(3, cursor));
            assertThat(page.items().size()).isLessThanOrEqualTo(3);
            listed.addAll(page.items());
            cursor = page.next();
        } while (cursor.isPresent());

        assertThat(listed).containsExactlyElementsOf(expected);
    }

    @Test
    void pagesStayStableWhileEventsAreAdded() {
        for (int i = 0; i < 4; i++) {
            addEvent(10, "Hall", NOW.plus(Duration.ofDays(20 + i)));
        }
        Page<Event> first = store.listEvents(EventFilter.ALL, new PageRequest(2, Optional.empty()));
        addEvent(10, "Hall", NOW.plus(Duration.ofDays(1)));
        Event late = addEvent(10, "Hall", NOW.plus(Duration.ofDays(99)));

        Page<Event> second = store.listEvents(EventFilter.ALL, new PageRequest(10, first.next()));

        assertThat(second.items()).hasSize(3).doesNotContainAnyElementsOf(first.items()).endsWith(late);
        assertThat(second.next()).isEmpty();
    }

    @Test
    void eventsAreFilteredByVenueIgnoringCaseAndByDates() {
        Event early = addEvent(10, "Central Park", NOW.plus(Duration.ofDays(1)));
        Event middle = addEvent(10, "Central Park", NOW.plus(Duration.ofDays(5)));
        addEvent(10, "Other Place", NOW.plus(Duration.ofDays(5)));
        Event late = addEvent(10, "central park", NOW.plus(Duration.ofDays(9)));
        PageRequest all = new PageRequest(100, Optional.empty());

        assertThat(store.listEvents(new EventFilter(Optional.of("CENTRAL PARK"), Optional.empty(), Optional.empty()),
                all).items()).containsExactly(early, middle, late);
        assertThat(store.listEvents(new EventFilter(Optional.of("Central Park"),
                Optional.of(NOW.plus(Duration.ofDays(5))), Optional.of(NOW.plus(Duration.ofDays(9)))), all).items())
                .containsExactly(middle);
    }

    @Test
    void bookingsAreListedInCreationOrderAcrossPages() {
        Event event = addEvent(10);
        List<Booking> added = new ArrayList<>();
        for (int seat = 1; seat <= 5; seat++) {
            Booking booking = Booking.confirmed(BookingId.random(), event, CUSTOMER, seats(event, seat),
                    NOW.plusSeconds(seat));
            store.addBooking(booking, NO_BOUND);
            added.add(booking);
        }

        Page<Booking> first = store.listBookings(new PageRequest(2, Optional.empty()), Optional.empty());
        Page<Booking> rest = store.listBookings(new PageRequest(10, first.next()), Optional.empty());

        assertThat(first.items()).containsExactlyElementsOf(added.subList(0, 2));
        assertThat(rest.items()).containsExactlyElementsOf(added.subList(2, 5));
        assertThat(rest.next()).isEmpty();
    }

    /** Bookings made at one instant are ordered by id as an unsigned number, as PostgreSQL orders UUIDs. */
    @Test
    void bookingsOfOneInstantAreListedByUnsignedIdAcrossPages() {
        Event event = addEvent(10);
        List<BookingId> ids = List.of(new BookingId(new UUID(0x8000_0000_0000_0000L, 1)),
                new BookingId(new UUID(1, 2)), new BookingId(new UUID(-1, -1)), new BookingId(new UUID(1, -1)),
                new BookingId(new UUID(0x7FFF_FFFF_FFFF_FFFFL, 0)), BookingId.random(), BookingId.random());
        List<Booking> added = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Booking booking = Booking.confirmed(ids.get(i), event, CUSTOMER, seats(event, i + 1), NOW);
            store.addBooking(booking, NO_BOUND);
            added.add(booking);
        }
        List<Booking> expected = added.stream().sorted((a, b) -> Cursor.of(a).compareTo(Cursor.of(b))).toList();

        List<Booking> listed = new ArrayList<>();
        Optional<Cursor> cursor = Optional.empty();
        do {
            Page<Booking> page = store.listBookings(new PageRequest(2, cursor), Optional.empty());
            listed.addAll(page.items());
            cursor = page.next();
        } while (cursor.isPresent());

        assertThat(listed).containsExactlyElementsOf(expected);
        assertThat(expected.get(0).id()).isEqualTo(new BookingId(new UUID(1, 2)));
    }

    // --- concurrency ---

    // --- venues: sections and rows ---

    @Test
    void aVenuesLayoutIsKeptWithItsEvent() {
        Event event = addVenue();

        assertThat(store.findEvent(event.id())).contains(event);
        assertThat(store.findEvent(event.id()).orElseThrow().layout().place(23)).isEqualTo(new Layout.Place(23,
                "Balcony", "A", 3));
    }

    @Test
    void aBestAvailableHoldOnAVenueTakesOneRowSideBySideNearestItsMiddle() {
        Event event = addVenue();
        store.addBooking(booking(event, 4, 5, 6, 7), NO_BOUND);

        // Row A's free seats 1-3 and 8-10 are three each: row B has four together, nearest its middle.
        Hold hold = holdBest(event, 4, SeatScope.ANYWHERE, NOW);

        assertThat(hold.seats().seats()).containsExactly(14, 15, 16, 17);
        assertThat(holdBest(event, 3, new SeatScope("Balcony", null), NOW).seats().seats()).containsExactly(23, 24, 25);
        assertThat(holdBest(event, 2, new SeatScope(null, "A"), NOW).seats().seats()).containsExactly(2, 3);
    }

    @Test
    void aVenuesSeatPlanShowsEachRowsFreeAndHeldSeats() {
        Event event = addVenue();
        store.addBooking(booking(event, 1, 2), NO_BOUND);
        hold(event, NOW, 12, 13);

        SeatPlan plan = store.seatPlan(event.id(), NOW).orElseThrow();

        assertThat(plan.sections()).extracting(SeatPlan.SectionPlan::name).containsExactly("Stalls", "Balcony");
        SeatPlan.RowPlan rowA = plan.sections().get(0).rows().get(0);
        SeatPlan.RowPlan rowB = plan.sections().get(0).rows().get(1);
        assertThat(rowA).isEqualTo(new SeatPlan.RowPlan("A", 1, 10, List.of(new SeatRange(3, 10)), List.of()));
        assertThat(rowB).isEqualTo(new SeatPlan.RowPlan("B", 11, 20,
                List.of(new SeatRange(11, 11), new SeatRange(14, 20)), List.of(new SeatRange(12, 13))));
        assertThat(plan.sections().get(1).rows().get(0).free()).containsExactly(new SeatRange(21, 28));
        assertThat(store.seatPlan(event.id(), NOW.plus(TTL)).orElseThrow().sections().get(0).rows().get(1).held())
                .as("an expired hold's seats are free in the plan at once").isEmpty();
        assertThat(store.seatPlan(EventId.random(), NOW)).isEmpty();
    }

    @Test
    void anEventWithoutALayoutIsOneRowInItsSeatPlan() {
        Event event = addEvent(10);
        store.addBooking(booking(event, 5), NO_BOUND);

        SeatPlan plan = store.seatPlan(event.id(), NOW).orElseThrow();

        assertThat(plan.sections()).hasSize(1);
        assertThat(plan.sections().get(0).rows()).containsExactly(new SeatPlan.RowPlan(SeatPlan.UNLAID, 1, 10,
                List.of(new SeatRange(1, 4), new SeatRange(6, 10)), List.of()));
    }

    /**
     * Threads race for best-available holds of one venue: no seat goes to two holds, and no hold is
     * refused while enough seats remain, though the store chooses and claims in separate steps.
     */
    @Test
    void concurrentBestAvailableHoldsNeverShareASeatNorFailWhileSeatsRemain() throws Exception {
        Event event = addVenue();
        Map<HoldId, Hold> held = new ConcurrentHashMap<>();

        Concurrently.run(9, thread -> {
            for (int i = 0; i < 3; i++) {
                Hold hold = store.placeHold(new HoldRequest(HoldId.random(), event, "customer-" + thread,
                        new SeatChoice.BestOf(1), TTL, 50, NO_BOUND), NOW);
                held.put(hold.id(), hold);
            }
        });

        Set<Integer> seats = new HashSet<>();
        held.values().forEach(hold -> hold.seats().stream().forEach(seat ->
                assertThat(seats.add(seat)).as("seat %d held twice", seat).isTrue()));
        assertThat(seats).hasSize(27);
        assertThat(counts(event, NOW)).isEqualTo(SeatCounts.of(28, 0, 27));
    }

    // --- money: prices, refunds, cancelled events ---

    /** The venue of {@link #addVenue}, priced in EUR: Stalls (A) 120.00, Balcony (B) 60.00. */
    private Event addPricedVenue() {
        List<Layout.Section> layout = List.of(
                new Layout.Section("Stalls", "A", List.of(new Layout.Row("A", 10), new Layout.Row("B", 10))),
                new Layout.Section("Balcony", "B", List.of(new Layout.Row("A", 8))));
        Event event = Event.schedule(EventId.random(), "organizer", new Event.Plan("Priced Concert", "Opera",
                NOW.plus(Duration.ofDays(30)), null, layout, new Event.PricingPlan("EUR", 4500L,
                        Map.of("A", 12000L, "B", 6000L)), null), LIMITS, NOW);
        store.addEvent(event, NO_BOUND);
        return event;
    }

    private Booking pricedBooking(Event event, Integer... seats) {
        Booking booking = Booking.confirmed(BookingId.random(), event, CUSTOMER, seats(event, seats), NOW);
        store.addBooking(booking, NO_BOUND);
        return booking;
    }

    @Test
    void aBookingKeepsThePricesItWasMadeAtAndItsPaymentReference() {
        Event event = addPricedVenue();
        Booking booking = pricedBooking(event, 1, 21);
        Hold hold = store.placeHold(new HoldRequest(HoldId.random(), event, CUSTOMER,
                new SeatChoice.Explicit(seats(event, 22, 23)), TTL, 50, NO_BOUND), NOW);
        Booking confirmed = store.confirmHold(hold.id(), BookingId.random(), "pay-7", NOW.plusSeconds(1));

        assertThat(store.findBooking(booking.id()).orElseThrow().prices().amounts()).containsExactly(12000, 6000);
        assertThat(store.findHold(hold.id()).orElseThrow().prices().total()).isEqualTo(new Money(12000, "EUR"));
        assertThat(confirmed.prices()).isEqualTo(hold.prices());
        assertThat(store.findBooking(confirmed.id())).contains(confirmed);
        assertThat(confirmed.paymentReference()).isEqualTo("pay-7");
    }

    @Test
    void aPartialCancellationFreesAndRefundsOnlyItsSeats() {
        Event event = addPricedVenue();
        Booking booking = pricedBooking(event, 1, 2, 21);

        Booking.Cancellation partial = store.cancelBooking(booking.id(), Optional.of(seats(event, 21)), NOW);

        assertThat(partial.refund().amount()).isEqualTo(new Money(6000, "EUR"));
        assertThat(partial.booking().status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(store.findBooking(booking.id())).contains(partial.booking());
        assertThat(counts(event, NOW)).isEqualTo(SeatCounts.of(28, 2, 0));
        assertThat(store.cancelBooking(booking.id(), Optional.of(seats(event, 21)), NOW)).isEqualTo(partial);
        assertThatThrownBy(() -> store.cancelBooking(booking.id(), Optional.of(seats(event, 2, 21)), NOW))
                .isInstanceOf(SeatsAlreadyCancelledException.class);

        Booking.Cancellation rest = store.cancelBooking(booking.id(), Optional.empty(), NOW);
        assertThat(rest.refund().amount()).isEqualTo(new Money(24000, "EUR"));
        assertThat(rest.booking().isCancelled()).isTrue();
        assertThat(store.cancelBooking(booking.id(), Optional.empty(), NOW.plusSeconds(1))).isEqualTo(rest);
        assertThat(counts(event, NOW)).isEqualTo(SeatCounts.of(28, 0, 0));
    }

    /** The same seat cancelled by many callers at once: one refund, and every caller told of that one. */
    @Test
    void aSeatCancelledByManyAtOnceIsRefundedOnce() throws Exception {
        Event event = addPricedVenue();
        Booking booking = pricedBooking(event, 1, 2, 21);
        List<Booking.Cancellation> answers = java.util.Collections.synchronizedList(new ArrayList<>());

        Concurrently.run(8, thread -> answers.add(store.cancelBooking(booking.id(), Optional.of(seats(event, 21)),
                NOW)));

        Booking after = store.findBooking(booking.id()).orElseThrow();
        assertThat(after.refunds()).singleElement()
                .satisfies(refund -> assertThat(refund.amount()).isEqualTo(new Money(6000, "EUR")));
        assertThat(answers).hasSize(8).allSatisfy(answer -> assertThat(answer.refund()).isEqualTo(after.refunds().get(0)));
        assertThat(counts(event, NOW)).isEqualTo(SeatCounts.of(28, 2, 0));
    }

    @Test
    void aCancelledEventReleasesItsHoldsRefundsEveryBookingInFullAndTakesNothingNew() {
        Event event = Event.schedule(EventId.random(), "organizer", new Event.Plan("Strict", "Hall",
                NOW.plus(Duration.ofDays(30)), 10, null, new Event.PricingPlan("EUR", 1000L, Map.of()),
                List.of()), LIMITS, NOW);
        store.addEvent(event, NO_BOUND);
        Booking booking = pricedBooking(event, 1, 2);
        Hold held = hold(event, NOW, 5);
        assertThat(store.cancelBooking(pricedBooking(event, 3).id(), Optional.empty(), NOW).refund().percent())
                .as("the policy refunds nothing").isZero();

        Event cancelled = store.cancelEvent(event.id(), NOW.plusSeconds(1));

        assertThat(cancelled.isCancelled()).isTrue();
        assertThat(store.findEvent(event.id()).orElseThrow().isCancelled()).isTrue();
        Booking refunded = store.findBooking(booking.id()).orElseThrow();
        assertThat(refunded.isCancelled()).isTrue();
        assertThat(refunded.refunds()).singleElement().satisfies(refund -> {
            assertThat(refund.percent()).isEqualTo(100);
            assertThat(refund.amount()).isEqualTo(new Money(2000, "EUR"));
        });
        assertThat(store.findHold(held.id()).orElseThrow().statusAt(NOW.plusSeconds(2))).isEqualTo(HoldStatus.RELEASED);
        assertThat(counts(event, NOW.plusSeconds(2))).isEqualTo(SeatCounts.of(10, 0, 0));
        assertThatThrownBy(() -> store.addBooking(booking(event, 7), NO_BOUND))
                .isInstanceOf(EventCancelledException.class);
        assertThatThrownBy(() -> hold(event, NOW.plusSeconds(2), 8)).isInstanceOf(EventCancelledException.class);
        assertThat(store.cancelEvent(event.id(), NOW.plusSeconds(3))).isEqualTo(cancelled);
        assertThatThrownBy(() -> store.cancelEvent(EventId.random(), NOW)).isInstanceOf(UnknownIdException.class);
    }

    @Test
    void aConfirmationOfAHoldOnACancelledEventIsRefused() {
        Event event = addPricedVenue();
        Hold held = hold(event, NOW, 1);
        store.cancelEvent(event.id(), NOW);

        assertThatThrownBy(() -> store.confirmHold(held.id(), BookingId.random(), null, NOW))
                .isInstanceOfAny(EventCancelledException.class, HoldNotActiveException.class);
        assertThat(counts(event, NOW)).isEqualTo(SeatCounts.of(28, 0, 0));
    }

    @Test
    void theSalesReportAddsUpByCategory() {
        Event event = addPricedVenue();
        Booking booking = pricedBooking(event, 1, 2, 21);
        store.cancelBooking(booking.id(), Optional.of(seats(event, 2)), NOW);
        pricedBooking(event, 22);
        hold(event, NOW, 11);

        SalesReport report = store.salesReport(event.id(), NOW).orElseThrow();

        assertThat(report.gross()).isEqualTo(new Money(36000, "EUR"));
        assertThat(report.refunds()).isEqualTo(new Money(12000, "EUR"));
        assertThat(report.net()).isEqualTo(new Money(24000, "EUR"));
        assertThat(report.bookings()).isEqualTo(2);
        assertThat(report.categories()).containsExactly(
                new SalesReport.CategorySales("A", 18, 1, 1, new Money(24000, "EUR"), 0),
                new SalesReport.CategorySales("B", 6, 0, 2, new Money(12000, "EUR"), 0));
        assertThat(store.salesReport(EventId.random(), NOW)).isEmpty();
    }

    /**
     * Money is never created or lost: threads book, cancel some seats and whole bookings at once; then the
     * event is cancelled. At every step the report's gross minus refunds is exactly what the live parts of
     * the bookings are worth, no refund exceeds what its seats cost, and no seat is refunded twice.
     */
    @Test
    void moneyIsNeverCreatedNorLostUnderConcurrentBookingsAndCancellations() throws Exception {
        Event event = addPricedVenue();
        Map<BookingId, Booking> made = new ConcurrentHashMap<>();

        Concurrently.run(8, thread -> {
            Random random = new Random(thread);
            for (int i = 0; i < 40; i++) {
                try {
                    Booking booking = Booking.confirmed(BookingId.random(), event, CUSTOMER,
                            randomSeats(event, random), NOW);
                    store.addBooking(booking, NO_BOUND);
                    made.put(booking.id(), booking);
                } catch (SeatsUnavailableException taken) {
                    // another thread has the seat
                }
                List<Booking> mine = new ArrayList<>(made.values());
                if (!mine.isEmpty()) {
                    Booking target = mine.get(random.nextInt(mine.size()));
                    Optional<SeatSelection> some = random.nextBoolean() ? Optional.empty()
                            : Optional.of(SeatSelection.ofAscending(new int[] {target.seats().seats()[0]}));
                    try {
                        store.cancelBooking(target.id(), some, NOW);
                    } catch (SeatsAlreadyCancelledException alreadyGone) {
                        // another thread cancelled the seat
                    }
                }
            }
        });
        assertMoneyAddsUp(event, made.keySet());

        store.cancelEvent(event.id(), NOW);
        assertMoneyAddsUp(event, made.keySet());
        SalesReport report = store.salesReport(event.id(), NOW).orElseThrow();
        assertThat(report.net().amount()).as("everything refunded").isZero();
    }

    private void assertMoneyAddsUp(Event event, Set<BookingId> ids) {
        SalesReport report = store.salesReport(event.id(), NOW).orElseThrow();
        Money live = Money.zero("EUR");
        Money paid = Money.zero("EUR");
        Money refunded = Money.zero("EUR");
        for (BookingId id : ids) {
            Booking booking = store.findBooking(id).orElseThrow();
            live = live.plus(booking.liveTotal());
            paid = paid.plus(booking.total());
            refunded = refunded.plus(booking.refunded());
            Set<Integer> refundedSeats = new HashSet<>();
            for (Refund refund : booking.refunds()) {
                assertThat(refund.amount().amount()).as("refund of %s", refund)
                        .isLessThanOrEqualTo(booking.prices().totalOf(booking.seats(), refund.seats()).amount());
                refund.seats().stream().forEach(seat ->
                        assertThat(refundedSeats.add(seat)).as("seat %d refunded twice", seat).isTrue());
            }
        }
        assertThat(report.bookings()).isEqualTo(ids.size());
        assertThat(report.gross()).isEqualTo(paid);
        assertThat(report.refunds()).isEqualTo(refunded);
        assertThat(report.gross().minus(report.refunds())).isEqualTo(live).isEqualTo(report.net());
    }

    /**
     * Threads book while the event is cancelled: every booking stored before the cancellation returned is
     * refunded in full, and none is stored after it.
     */
    @Test
    void noBookingSlipsPastAnEventsCancellation() throws Exception {
        Event event = Event.schedule(EventId.random(), "organizer", new Event.Plan("Doomed", "Hall",
                NOW.plus(Duration.ofDays(30)), 20_000, null, new Event.PricingPlan("EUR", 1000L, Map.of()), null),
                LIMITS, NOW);
        store.addEvent(event, NO_BOUND);
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger ranOut = new AtomicInteger();
        Map<BookingId, Booking> stored = new ConcurrentHashMap<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch cancelling = new CountDownLatch(1);
        int bookers = 5;

        Concurrently.run(bookers + 1, thread -> {
            if (thread == bookers) {
                Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(1))
                        .until(() -> stored.size() >= 20);
                cancelling.countDown();
                store.cancelEvent(event.id(), NOW);
                cancelled.set(true);
                return;
            }
            // Each booker books seat after seat until the event refuses it; after its first few it waits for
            // the cancellation to begin, so the rest race with it rather than run out of seats before it.
            for (int seat = thread + 1; seat <= event.totalSeats(); seat += bookers) {
                if (seat > 10 * bookers) {
                    cancelling.await();
                }
                boolean afterCancellation = cancelled.get();
                Booking booking = Booking.confirmed(BookingId.random(), event, CUSTOMER, seats(event, seat), NOW);
                try {
                    store.addBooking(booking, NO_BOUND);
                    assertThat(afterCancellation).as("a booking stored after the cancellation returned").isFalse();
                    stored.put(booking.id(), booking);
                } catch (EventCancelledException refusal) {
                    refused.incrementAndGet();
                    return;
                }
            }
            ranOut.incrementAndGet();
        });

        assertThat(stored).hasSizeGreaterThanOrEqualTo(20);
        // A fast store on a busy machine may let a booker book its last seat before the cancellation takes
        // the event: that booker ran out rather than raced. At least one must have raced it.
        assertThat(refused.get()).as("bookers refused by the cancellation").isPositive();
        assertThat(refused.get() + ranOut.get()).as("every booker refused or out of seats").isEqualTo(bookers);
        for (BookingId id : stored.keySet()) {
            Booking booking = store.findBooking(id).orElseThrow();
            assertThat(booking.isCancelled()).as("booking %s stored before the cancellation", id).isTrue();
            assertThat(booking.refunds()).singleElement().satisfies(refund -> assertThat(refund.percent()).isEqualTo(100));
        }
        assertThat(counts(event, NOW).bookedSeats()).isZero();
        assertMoneyAddsUp(event, stored.keySet());
    }

    // --- notifications: the outbox ---

    @Test
    void everyChangeWritesItsNotificationWithTheObjectAsTheApiShowsIt() throws Exception {
        Event event = addPricedVenue();
        Hold confirmed = hold(event, NOW, 1, 2);
        Hold released = hold(event, NOW, 3);
        store.releaseHold(released.id(), NOW);
        Booking fromHold = store.confirmHold(confirmed.id(), BookingId.random(), null, NOW);
        Booking direct = pricedBooking(event, 5, 6);
        store.cancelBooking(direct.id(), Optional.of(seats(event, 5)), NOW);
        Hold expiring = hold(event, NOW, 8);
        assertThat(store.sweepExpiredHolds(NOW.plus(TTL))).isEqualTo(1);
        store.cancelEvent(event.id(), NOW.plus(TTL));

        List<Notification> notifications = notifications(event.id());

        assertThat(notifications).extracting(n -> n.type().wireName() + " " + n.subject()).containsExactly(
                "event.created events/" + event.id(),
                "hold.placed holds/" + confirmed.id(),
                "hold.placed holds/" + released.id(),
                "hold.released holds/" + released.id(),
                "booking.confirmed bookings/" + fromHold.id(),
                "booking.confirmed bookings/" + direct.id(),
                "booking.cancelled bookings/" + direct.id(),
                "hold.placed holds/" + expiring.id(),
                "hold.expired holds/" + expiring.id(),
                "event.cancelled events/" + event.id(),
                "booking.cancelled bookings/" + fromHold.id(),
                "booking.cancelled bookings/" + direct.id());
        assertThat(notifications).allSatisfy(n -> {
            assertThat(n.eventId()).isEqualTo(event.id());
            assertThat(n.organizer()).isEqualTo("organizer");
            assertThat(n.source()).isEqualTo("/events/" + event.id());
        });
        assertThat(notifications).extracting(Notification::id).doesNotHaveDuplicates();
        ObjectMapper json = new ObjectMapper();
        JsonNode partial = json.readTree(notifications.get(6).data());
        assertThat(partial.path("booking_id").asText()).isEqualTo(direct.id().toString());
        assertThat(partial.path("status").asText()).isEqualTo("confirmed");
        assertThat(partial.at("/refund/amount").asLong()).isEqualTo(12000);
        JsonNode hold = json.readTree(notifications.get(8).data());
        assertThat(hold.path("hold_id").asText()).isEqualTo(expiring.id().toString());
        assertThat(hold.path("status").asText()).isEqualTo("expired");
        assertThat(notifications.get(8).time()).isEqualTo(expiring.expiresAt());
        assertThat(json.readTree(notifications.get(9).data()).path("status").asText()).isEqualTo("cancelled");
        assertThat(json.readTree(notifications.get(11).data()).at("/refund/percent").asInt()).isEqualTo(100);
    }

    @Test
    void aRefusedChangeWritesNoNotification() {
        Event event = addEvent(10);
        Hold held = hold(event, NOW, 1);
        store.addBooking(booking(event, 2), NO_BOUND);
        int before = notifications(event.id()).size();

        assertThatThrownBy(() -> hold(event, NOW, 1)).isInstanceOf(SeatsUnavailableException.class);
        assertThatThrownBy(() -> store.addBooking(booking(event, 2, 3), NO_BOUND))
                .isInstanceOf(SeatsUnavailableException.class);
        assertThatThrownBy(() -> holdBest(event, 11, SeatScope.ANYWHERE, NOW))
                .isInstanceOf(NotEnoughSeatsException.class);
        store.releaseHold(held.id(), NOW);
        store.releaseHold(held.id(), NOW);
        assertThatThrownBy(() -> store.confirmHold(held.id(), BookingId.random(), null, NOW))
                .isInstanceOf(HoldNotActiveException.class);
        Hold expired = hold(event, NOW, 4);
        assertThatThrownBy(() -> store.confirmHold(expired.id(), BookingId.random(), null, NOW.plus(TTL)))
                .isInstanceOf(HoldNotActiveException.class);
        store.releaseHold(expired.id(), NOW.plus(TTL));

        assertThat(notifications(event.id())).extracting(n -> n.type().wireName())
                .hasSize(before + 2).endsWith("hold.released", "hold.placed");
        assertThat(store.sweepExpiredHolds(NOW.plus(TTL))).isEqualTo(1);
        assertThat(store.sweepExpiredHolds(NOW.plus(TTL).plusSeconds(1))).isZero();
        assertThat(notifications(event.id())).extracting(n -> n.type().wireName())
                .hasSize(before + 3).last().isEqualTo("hold.expired");
    }

    /**
     * Many threads book random overlapping seat sets of one small event at once. Afterwards no seat is in
     * two bookings, every success is stored, every refusal named a seat some success holds, and the
     * counts add up.
     */
    @Test
    void concurrentBookingsNeverSellASeatTwice() throws Exception {
        Event event = addEvent(60);
        Map<BookingId, Booking> succeeded = new ConcurrentHashMap<>();
        List<int[]> refusedSeats = new ArrayList<>();
        AtomicInteger refusals = new AtomicInteger();

        Concurrently.run(32, thread -> {
            Random random = new Random(thread);
            for (int i = 0; i < 200; i++) {
                Booking attempt = Booking.confirmed(BookingId.random(), event, CUSTOMER, randomSeats(event, random),
                        NOW);
                try {
                    store.addBooking(attempt, NO_BOUND);
                    succeeded.put(attempt.id(), attempt);
                } catch (SeatsUnavailableException e) {
                    refusals.incrementAndGet();
                    synchronized (refusedSeats) {
                        refusedSeats.add(e.unavailableSeats());
                    }
                }
            }
        });

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
        assertThat(counts(event, NOW)).isEqualTo(SeatCounts.of(60, bookedSeats, 0));
    }

    /**
     * The lifecycle under fire: threads run random holds (explicit and best-available), confirms,
     * releases, cancels and direct bookings over one event while the clock moves on and holds expire.
     * Each thread acts only on its own holds and bookings, so it knows what state each must end in. At
     * every checkpoint (all threads paused) and at the end: no seat belongs to two live holds or
     * confirmed bookings, the counts match exactly what is live, the free ranges are the rest, and every
     * object is in the state its owner's operations reported.
     */
    @Test
    void randomConcurrentLifecycleKeepsEveryInvariant() throws Exception {
        int threads = 16;
        int rounds = 6;
        int opsPerRound = 60;
        Event event = addEvent(48);
        Instant[] clock = {NOW};
        List<Owner> owners = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            owners.add(new Owner(new Random(1000 + t), "customer-" + t));
        }

        for (int round = 0; round < rounds; round++) {
            Instant roundStart = clock[0];
            Concurrently.run(threads, t -> {
                Owner owner = owners.get(t);
                for (int i = 0; i < opsPerRound; i++) {
                    // The clock moves on during the round: each thread acts at its own later instant.
                    owner.act(event, roundStart.plus(Duration.ofSeconds(2L * i + owner.random.nextInt(3))));
                }
            });
            clock[0] = roundStart.plus(Duration.ofMinutes(4));
            checkInvariants(event, owners, clock[0]);
        }
        checkInvariants(event, owners, clock[0].plus(TTL));
        store.sweepExpiredHolds(clock[0].plus(TTL));
        checkNotifications(event, owners);
        // The run exercised every path, not only the easy ones.
        assertThat(owners.stream().flatMap(o -> o.holds.values().stream()).map(h -> h.status))
                .contains(HoldStatus.HELD, HoldStatus.CONFIRMED, HoldStatus.RELEASED);
        assertThat(owners.stream().flatMap(o -> o.holds.values().stream())).anyMatch(h -> h.refusedAsExpired);
        assertThat(owners.stream().flatMap(o -> o.bookings.values().stream())).contains(true, false);
    }

    private void checkInvariants(Event event, List<Owner> owners, Instant at) {
        boolean[] taken = new boolean[event.totalSeats() + 1];
        int booked = 0;
        int held = 0;
        for (Owner owner : owners) {
            for (Map.Entry<BookingId, Boolean> expected : owner.bookings.entrySet()) {
                Booking booking = store.findBooking(expected.getKey()).orElseThrow();
                boolean cancelled = expected.getValue();
                assertThat(booking.isCancelled()).as("booking %s cancelled", booking.id()).isEqualTo(cancelled);
                if (!cancelled) {
                    booked += claim(taken, booking.seats());
                }
            }
            for (Map.Entry<HoldId, OwnHold> expected : owner.holds.entrySet()) {
                Hold hold = store.findHold(expected.getKey()).orElseThrow();
                OwnHold own = expected.getValue();
                assertThat(hold.status()).as("hold %s", hold.id()).isEqualTo(own.status);
                assertThat(hold.bookingId()).isEqualTo(own.booking);
                if (own.refusedAsExpired) {
                    assertThat(hold.statusAt(at)).isEqualTo(HoldStatus.EXPIRED);
                }
                if (hold.isLiveAt(at)) {
                    held += claim(taken, hold.seats());
                }
            }
        }
        assertThat(counts(event, at)).isEqualTo(SeatCounts.of(event.totalSeats(), booked, held));
        List<SeatRange> free = new ArrayList<>();
        for (int seat = 1; seat <= event.totalSeats(); seat++) {
            if (!taken[seat]) {
                int first = seat;
                while (seat < event.totalSeats() && !taken[seat + 1]) {
                    seat++;
                }
                free.add(new SeatRange(first, seat));
            }
        }
        assertThat(store.availableSeats(event.id(), at)).contains(free);
    }

    /**
     * Exactly one notification for each change that took effect, none for the refused ones: the outbox
     * holds what the owners saw succeed, after a sweep that found every remaining held hold expired.
     */
    private void checkNotifications(Event event, List<Owner> owners) {
        List<String> expected = new ArrayList<>();
        expected.add("event.created events/" + event.id());
        for (Owner owner : owners) {
            owner.bookings.forEach((id, cancelled) -> {
                expected.add("booking.confirmed bookings/" + id);
                if (cancelled) {
                    expected.add("booking.cancelled bookings/" + id);
                }
            });
            owner.holds.forEach((id, own) -> {
                expected.add("hold.placed holds/" + id);
                switch (own.status) {
                    case RELEASED -> expected.add("hold.released holds/" + id);
                    case HELD -> expected.add("hold.expired holds/" + id);
                    default -> { }
                }
            });
        }
        assertThat(notifications(event.id())).extracting(n -> n.type().wireName() + " " + n.subject())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    // --- the waiting list ---

    /** An event of {@code totalSeats} seats, each booked alone by its own customer; the bookings by seat. */
    private List<Booking> soldOut(Event event) {
        List<Booking> bookings = new ArrayList<>();
        for (int seat = 1; seat <= event.totalSeats(); seat++) {
            Booking booking = Booking.confirmed(BookingId.random(), event, "buyer-" + seat, seats(event, seat), NOW);
            store.addBooking(booking, NO_BOUND);
            bookings.add(booking);
        }
        return bookings;
    }

    /** Joins at {@code at}: entries that join at one instant are served in the order of their random ids. */
    private WaitlistEntry join(Event event, String customer, int quantity, Instant at) {
        return store.joinWaitlist(EntryId.random(), event, customer, quantity, 10, at);
    }

    private WaitlistEntry entry(WaitlistEntry entry) {
        return store.findWaitlistEntry(entry.id()).orElseThrow();
    }

    private List<String> waitlistNotices(Event event) {
        return notifications(event.id()).stream()
                .filter(n -> n.type() == NotificationType.WAITLIST_OFFERED)
                .map(Notification::subject).toList();
    }

    @Test
    void joiningWhileEnoughSeatsAreFreeIsRefusedWithTheNumberFreeAndChangesNothing() {
        Event event = addEvent(5);
        store.addBooking(booking(event, 1, 2, 3), NO_BOUND);

        assertThatThrownBy(() -> join(event, "wendy", 2, NOW.plusMillis(1)))
                .isInstanceOfSatisfying(SeatsAvailableException.class, e -> assertThat(e.available()).isEqualTo(2));
        assertThat(store.listWaitlist(event.id(), new PageRequest(10, Optional.empty())).items()).isEmpty();

        WaitlistEntry joined = join(event, "wendy", 3, NOW.plusMillis(2));
        assertThat(joined.status()).isEqualTo(EntryStatus.WAITING);
        assertThat(joined.position()).isEqualTo(1);
        assertThat(joined.quantity()).isEqualTo(3);
        assertThat(entry(joined)).isEqualTo(joined);
        assertThatThrownBy(() -> join(event, "wendy", 11, NOW.plusMillis(3)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> join(addEvent(1), "wendy", 0, NOW)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void entriesAreListedInTheOrderTheyJoinedWithTheirPlaceAmongThoseWaiting() {
        Event event = addEvent(3);
        soldOut(event);
        WaitlistEntry first = join(event, "ann", 1, NOW);
        WaitlistEntry second = join(event, "bob", 2, NOW.plusMillis(1));
        WaitlistEntry third = join(event, "cat", 1, NOW.plusMillis(2));

        assertThat(List.of(first.position(), second.position(), third.position())).containsExactly(1, 2, 3);
        List<WaitlistEntry> listed = new ArrayList<>();
        Optional<Cursor> cursor = Optional.empty();
        do {
            Page<WaitlistEntry> page = store.listWaitlist(event.id(), new PageRequest(2, cursor));
            listed.addAll(page.items());
            cursor = page.next();
        } while (cursor.isPresent());
        assertThat(listed).extracting(WaitlistEntry::customer).containsExactly("ann", "bob", "cat");
        assertThat(listed).extracting(WaitlistEntry::position).containsExactly(1, 2, 3);
        assertThat(store.findWaitlistEntry(EntryId.random())).isEmpty();
    }

    @Test
    void aCancellationOffersItsSeatsToTheFirstEntryWhoseQuantityFitsAsAHoldInItsName() {
        Event event = addEvent(4);
        List<Booking> bookings = soldOut(event);
        WaitlistEntry pair = join(event, "ann", 2, NOW.plusMillis(5));
        WaitlistEntry single = join(event, "bob", 1, NOW.plusMillis(6));

        store.cancelBooking(bookings.get(2).id(), Optional.empty(), NOW.plusSeconds(1)).booking();

        WaitlistEntry offered = entry(single);
        assertThat(offered.status()).as("one seat free: the pair does not fit, the single does")
                .isEqualTo(EntryStatus.OFFERED);
        assertThat(entry(pair).status()).isEqualTo(EntryStatus.WAITING);
        assertThat(entry(pair).position()).isEqualTo(1);
        Hold hold = store.findHold(offered.holdId()).orElseThrow();
        assertThat(hold.customer()).isEqualTo("bob");
        assertThat(hold.seats().seats()).containsExactly(3);
        assertThat(hold.expiresAt()).isEqualTo(NOW.plusSeconds(1).plus(StoreRules.OFFER_TTL))
                .isEqualTo(offered.offerExpiresAt());
        assertThat(counts(event, NOW.plusSeconds(1))).isEqualTo(new SeatCounts(4, 3, 1, 0));
        assertThat(waitlistNotices(event)).containsExactly("waitlist/" + single.id());

        store.cancelBooking(bookings.get(0).id(), Optional.empty(), NOW.plusSeconds(2)).booking();
        assertThat(entry(pair).status()).as("one seat free again: still not two").isEqualTo(EntryStatus.WAITING);
        store.cancelBooking(bookings.get(3).id(), Optional.empty(), NOW.plusSeconds(3)).booking();
        WaitlistEntry pairOffered = entry(pair);
        assertThat(pairOffered.status()).isEqualTo(EntryStatus.OFFERED);
        assertThat(store.findHold(pairOffered.holdId()).orElseThrow().seats().seats()).containsExactly(1, 4);
        assertThat(counts(event, NOW.plusSeconds(3))).isEqualTo(new SeatCounts(4, 1, 3, 0));
    }

    @Test
    void anOfferNeverTakesASeatSomeoneElseHoldsOrBooked() {
        Event event = addEvent(6);
        List<Booking> bookings = new ArrayList<>();
        for (int seat = 1; seat <= 4; seat++) {
            bookings.add(booking(event, seat));
            store.addBooking(bookings.get(bookings.size() - 1), NO_BOUND);
        }
        hold(event, NOW, 5, 6);
        WaitlistEntry waiting = join(event, "wendy", 2, NOW.plusMillis(7));

        store.cancelBooking(bookings.get(1).id(), Optional.empty(), NOW).booking();
        assertThat(entry(waiting).status()).isEqualTo(EntryStatus.WAITING);
        store.cancelBooking(bookings.get(3).id(), Optional.empty(), NOW).booking();

        Hold offer = store.findHold(entry(waiting).holdId()).orElseThrow();
        assertThat(offer.seats().seats()).containsExactly(2, 4);
        assertThat(counts(event, NOW)).isEqualTo(new SeatCounts(6, 2, 4, 0));
    }

    @Test
    void bookingAnOffersHoldAcceptsTheEntry() {
        Event event = addEvent(2);
        List<Booking> bookings = soldOut(event);
        WaitlistEntry waiting = join(event, "wendy", 1, NOW.plusMillis(8));
        store.cancelBooking(bookings.get(0).id(), Optional.empty(), NOW).booking();
        WaitlistEntry offered = entry(waiting);

        Booking booking = store.confirmHold(offered.holdId(), BookingId.random(), null, NOW.plusSeconds(60));

        assertThat(booking.customer()).isEqualTo("wendy");
        assertThat(entry(waiting).status()).isEqualTo(EntryStatus.ACCEPTED);
        assertThat(entry(waiting).statusAt(offered.offerExpiresAt().plusSeconds(1))).isEqualTo(EntryStatus.ACCEPTED);
        assertThat(counts(event, NOW.plusSeconds(60))).isEqualTo(new SeatCounts(2, 2, 0, 0));
    }

    @Test
    void releasingAnOffersHoldDeclinesItAndItsSeatsGoToTheNextEntry() {
        Event event = addEvent(2);
        List<Booking> bookings = soldOut(event);
        WaitlistEntry first = join(event, "ann", 1, NOW.plusMillis(9));
        WaitlistEntry second = join(event, "bob", 1, NOW.plusMillis(10));
        store.cancelBooking(bookings.get(1).id(), Optional.empty(), NOW).booking();

        store.releaseHold(entry(first).holdId(), NOW.plusSeconds(5));

        assertThat(entry(first).status()).isEqualTo(EntryStatus.LEFT);
        WaitlistEntry next = entry(second);
        assertThat(next.status()).isEqualTo(EntryStatus.OFFERED);
        assertThat(store.findHold(next.holdId()).orElseThrow().seats().seats()).containsExactly(2);
    }

    @Test
    void anOfferThatRunsOutExpiresItsEntryAndTheSweepOffersItsSeatsToTheNext() {
        Event event = addEvent(2);
        List<Booking> bookings = soldOut(event);
        WaitlistEntry first = join(event, "ann", 1, NOW.plusMillis(11));
        WaitlistEntry second = join(event, "bob", 1, NOW.plusMillis(12));
        store.cancelBooking(bookings.get(0).id(), Optional.empty(), NOW).booking();
        Instant lapse = entry(first).offerExpiresAt();

        assertThat(entry(first).statusAt(lapse.minusMillis(1))).isEqualTo(EntryStatus.OFFERED);
        assertThat(entry(first).statusAt(lapse)).as("expired by the clock alone").isEqualTo(EntryStatus.EXPIRED);
        assertThat(store.offerFreedSeats(lapse.minusMillis(1))).isZero();

        assertThat(store.offerFreedSeats(lapse)).isEqualTo(1);

        assertThat(entry(first).status()).isEqualTo(EntryStatus.EXPIRED);
        assertThatThrownBy(() -> store.confirmHold(entry(first).holdId(), BookingId.random(), null, lapse))
                .isInstanceOf(HoldNotActiveException.class);
        WaitlistEntry next = entry(second);
        assertThat(next.status()).isEqualTo(EntryStatus.OFFERED);
        assertThat(store.findHold(next.holdId()).orElseThrow().seats().seats()).containsExactly(1);
        assertThat(store.offerFreedSeats(lapse)).as("freed seats are offered once").isZero();
        assertThat(waitlistNotices(event)).containsExactly("waitlist/" + first.id(), "waitlist/" + second.id());
    }

    @Test
    void seatsAnExpiredHoldFreedAreOfferedByTheSweep() {
        Event event = addEvent(3);
        store.addBooking(booking(event, 1, 2), NO_BOUND);
        Hold held = hold(event, NOW, 3);
        WaitlistEntry waiting = join(event, "wendy", 1, NOW.plusMillis(13));

        assertThat(store.offerFreedSeats(held.expiresAt().minusMillis(1))).isZero();
        assertThat(store.offerFreedSeats(held.expiresAt())).isEqualTo(1);

        assertThat(store.findHold(entry(waiting).holdId()).orElseThrow().seats().seats()).containsExactly(3);
    }

    @Test
    void leavingFreesALiveOffersSeatsForTheNextAndLeavingAgainChangesNothing() {
        Event event = addEvent(1);
        List<Booking> bookings = soldOut(event);
        WaitlistEntry first = join(event, "ann", 1, NOW.plusMillis(14));
        WaitlistEntry second = join(event, "bob", 1, NOW.plusMillis(15));
        WaitlistEntry third = join(event, "cat", 1, NOW.plusMillis(16));
        store.cancelBooking(bookings.get(0).id(), Optional.empty(), NOW).booking();

        WaitlistEntry left = store.leaveWaitlist(first.id(), NOW.plusSeconds(1));

        assertThat(left.status()).isEqualTo(EntryStatus.LEFT);
        assertThat(store.findHold(entry(first).holdId()).orElseThrow().status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(entry(second).status()).isEqualTo(EntryStatus.OFFERED);
        assertThat(store.leaveWaitlist(third.id(), NOW.plusSeconds(2)).status()).isEqualTo(EntryStatus.LEFT);
        assertThat(store.leaveWaitlist(third.id(), NOW.plusSeconds(3)).status()).isEqualTo(EntryStatus.LEFT);
        assertThat(store.leaveWaitlist(first.id(), NOW.plusSeconds(3)).status()).isEqualTo(EntryStatus.LEFT);
        assertThat(counts(event, NOW.plusSeconds(3))).isEqualTo(new SeatCounts(1, 0, 1, 0));
        assertThatThrownBy(() -> store.leaveWaitlist(EntryId.random(), NOW)).isInstanceOf(UnknownIdException.class);
    }

    @Test
    void aCancelledEventTakesNobodyOnItsListAndExpiresItsEntries() {
        Event event = addEvent(2);
        List<Booking> bookings = soldOut(event);
        WaitlistEntry offered = join(event, "ann", 1, NOW.plusMillis(17));
        WaitlistEntry waiting = join(event, "bob", 1, NOW.plusMillis(18));
        store.cancelBooking(bookings.get(0).id(), Optional.empty(), NOW).booking();

        store.cancelEvent(event.id(), NOW.plusSeconds(1));

        assertThat(entry(offered).status()).isEqualTo(EntryStatus.EXPIRED);
        assertThat(entry(waiting).status()).isEqualTo(EntryStatus.EXPIRED);
        assertThat(store.findHold(entry(offered).holdId()).orElseThrow().status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(store.offerFreedSeats(NOW.plusSeconds(2))).isZero();
        assertThatThrownBy(() -> join(event, "cat", 1, NOW.plusSeconds(2))).isInstanceOf(EventCancelledException.class);
    }

    /**
     * Cancellations on many threads, direct bookings racing them for the freed seats by number, and sweeps:
     * every offer goes to the entries in the order they joined, each entry gets at most one, no seat has two
     * owners, and each offer has exactly one {@code waitlist.offered}.
     */
    @Test
    void concurrentCancellationsOfferFreedSeatsOnceInTheOrderEntriesJoined() throws Exception {
        Event event = addEvent(40);
        List<Booking> bookings = soldOut(event);
        List<WaitlistEntry> waiting = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            waiting.add(join(event, "waiting-" + i, 1, NOW.plusMillis(i)));
        }
        Instant at = NOW.plusSeconds(1);
        AtomicInteger cancelled = new AtomicInteger();
        Set<BookingId> sniped = ConcurrentHashMap.newKeySet();

        Concurrently.run(10, thread -> {
            for (int i = thread; i < 25; i += 8) {
                if (thread < 8) {
                    store.cancelBooking(bookings.get(i).id(), Optional.empty(), at).booking();
                    cancelled.incrementAndGet();
                }
            }
            if (thread == 8) {
                for (int round = 0; round < 20; round++) {
                    store.offerFreedSeats(at);
                }
            }
            if (thread == 9) {
                for (int seat = 1; seat <= 25; seat++) {
                    try {
                        Booking snipe = Booking.confirmed(BookingId.random(), event, "sniper", seats(event, seat), at);
                        store.addBooking(snipe, NO_BOUND);
                        sniped.add(snipe.id());
                    } catch (SeatsUnavailableException taken) {
                        // the offer or the original booking has it
                    }
                }
            }
        });
        store.offerFreedSeats(at);

        List<WaitlistEntry> now = waiting.stream().map(this::entry).toList();
        int offered = (int) now.stream().filter(e -> e.status() == EntryStatus.OFFERED).count();
        assertThat(offered + sniped.size()).as("every freed seat went to one owner").isEqualTo(25);
        for (int i = 0; i < now.size(); i++) {
            assertThat(now.get(i).status()).as("entry %d", i)
                    .isEqualTo(i < offered ? EntryStatus.OFFERED : EntryStatus.WAITING);
        }
        boolean[] taken = new boolean[event.totalSeats() + 1];
        for (int i = 25; i < bookings.size(); i++) {
            claim(taken, bookings.get(i).seats());
        }
        for (BookingId id : sniped) {
            claim(taken, store.findBooking(id).orElseThrow().seats());
        }
        Set<HoldId> holds = new HashSet<>();
        for (WaitlistEntry entry : now.subList(0, offered)) {
            assertThat(holds.add(entry.holdId())).as("one hold per offer").isTrue();
            claim(taken, store.findHold(entry.holdId()).orElseThrow().seats());
        }
        assertThat(counts(event, at)).isEqualTo(new SeatCounts(40, 15 + sniped.size(), offered, 25 - offered
                - sniped.size()));
        assertThat(waitlistNotices(event)).hasSize(offered).doesNotHaveDuplicates();
    }

    // --- tickets at the door ---

    @Test
    void aTicketIsCheckedInOncePerEntryAndMayGoOutAndInAgain() {
        Event event = addEvent(10);
        Booking booking = booking(event, 4, 5);
        store.addBooking(booking, NO_BOUND);
        Ticket ticket = Ticket.of(booking, 5);

        CheckIn in = store.checkIn(ticket, CheckIn.Direction.ENTRY, "North", NOW);
        assertThat(in).isEqualTo(new CheckIn(ticket, CheckIn.Status.CHECKED_IN, NOW, "North"));

        assertThatThrownBy(() -> store.checkIn(ticket, CheckIn.Direction.ENTRY, "South", NOW.plusSeconds(1)))
                .isInstanceOfSatisfying(AlreadyCheckedInException.class, e -> {
                    assertThat(e.first().at()).isEqualTo(NOW);
                    assertThat(e.first().gate()).isEqualTo("North");
                });
        assertThat(store.checkIn(ticket, CheckIn.Direction.EXIT, "South", NOW.plusSeconds(2)).status())
                .isEqualTo(CheckIn.Status.CHECKED_OUT);
        assertThatThrownBy(() -> store.checkIn(ticket, CheckIn.Direction.EXIT, "South", NOW.plusSeconds(3)))
                .isInstanceOf(NotCheckedInException.class);
        assertThatThrownBy(() -> store.checkIn(Ticket.of(booking, 4), CheckIn.Direction.EXIT, "South", NOW))
                .isInstanceOf(NotCheckedInException.class);
        assertThat(store.checkIn(ticket, CheckIn.Direction.ENTRY, "East", NOW.plusSeconds(4)).gate()).isEqualTo("East");
        assertThat(notifications(event.id())).filteredOn(n -> n.type() == NotificationType.TICKET_CHECKED_IN)
                .extracting(Notification::subject).containsExactly("tickets/" + ticket.id(), "tickets/" + ticket.id());
    }

    @Test
    void theTicketOfACancelledSeatAdmitsNobody() {
        Event event = addEvent(10);
        Booking booking = booking(event, 1, 2);
        store.addBooking(booking, NO_BOUND);
        store.cancelBooking(booking.id(), Optional.of(seats(event, 2)), NOW);

        assertThatThrownBy(() -> store.checkIn(Ticket.of(booking, 2), CheckIn.Direction.ENTRY, "North", NOW))
                .isInstanceOf(TicketCancelledException.class);
        store.checkIn(Ticket.of(booking, 1), CheckIn.Direction.ENTRY, "North", NOW);
        store.cancelEvent(event.id(), NOW.plusSeconds(1));
        assertThat(store.checkIn(Ticket.of(booking, 1), CheckIn.Direction.EXIT, "North", NOW.plusSeconds(1)).status())
                .as("who is inside may still leave").isEqualTo(CheckIn.Status.CHECKED_OUT);
        assertThatThrownBy(() -> store.checkIn(Ticket.of(booking, 1), CheckIn.Direction.ENTRY, "North",
                NOW.plusSeconds(2))).isInstanceOf(TicketCancelledException.class);
        Booking unknown = Booking.confirmed(BookingId.random(), event, CUSTOMER, seats(event, 3), NOW);
        assertThatThrownBy(() -> store.checkIn(Ticket.of(unknown, 3), CheckIn.Direction.ENTRY, "North", NOW))
                .isInstanceOf(UnknownIdException.class);
    }

    @Test
    void theSalesReportCountsTheTicketsInside() {
        Event event = addVenue();
        Booking booking = booking(event, 1, 2, 21);
        store.addBooking(booking, NO_BOUND);
        store.checkIn(Ticket.of(booking, 1), CheckIn.Direction.ENTRY, "North", NOW);
        store.checkIn(Ticket.of(booking, 21), CheckIn.Direction.ENTRY, "North", NOW);
        store.checkIn(Ticket.of(booking, 2), CheckIn.Direction.ENTRY, "North", NOW);
        store.checkIn(Ticket.of(booking, 2), CheckIn.Direction.EXIT, "North", NOW.plusSeconds(1));

        SalesReport report = store.salesReport(event.id(), NOW.plusSeconds(2)).orElseThrow();

        assertThat(report.checkedIn()).isEqualTo(2);
        assertThat(report.categories()).extracting(SalesReport.CategorySales::checkedIn).containsExactly(1, 1);
    }

    @Test
    void concurrentScansOfOneTicketLetItInOnce() throws Exception {
        Event event = addEvent(10);
        Booking booking = booking(event, 7);
        store.addBooking(booking, NO_BOUND);
        Ticket ticket = Ticket.of(booking, 7);
        Set<String> admittedAt = ConcurrentHashMap.newKeySet();
        Set<String> refusedWith = ConcurrentHashMap.newKeySet();

        Concurrently.run(16, thread -> {
            try {
                admittedAt.add(store.checkIn(ticket, CheckIn.Direction.ENTRY, "gate-" + thread, NOW).gate());
            } catch (AlreadyCheckedInException refused) {
                refusedWith.add(refused.first().gate());
            }
        });

        assertThat(admittedAt).hasSize(1);
        assertThat(refusedWith).as("every other scan names the first one's gate").isSubsetOf(admittedAt);
        assertThat(notifications(event.id())).filteredOn(n -> n.type() == NotificationType.TICKET_CHECKED_IN)
                .hasSize(1);
    }

    private static int claim(boolean[] taken, SeatSelection seats) {
        for (int seat : seats.seats()) {
            assertThat(taken[seat]).as("seat %d belongs to two live holds or bookings", seat).isFalse();
            taken[seat] = true;
        }
        return seats.size();
    }

    /** What one thread did, and so what state each of its holds and bookings must be in. */
    private final class Owner {
        final Random random;
        final String name;
        final Map<HoldId, OwnHold> holds = new ConcurrentHashMap<>();
        final Map<BookingId, Boolean> bookings = new ConcurrentHashMap<>();

        Owner(Random random, String name) {
            this.random = random;
            this.name = name;
        }

        void act(Event event, Instant now) {
            try {
                switch (random.nextInt(6)) {
                    case 0 -> {
                        Booking booking = Booking.confirmed(BookingId.random(), event, name, randomSeats(event, random),
                                now);
                        store.addBooking(booking, NO_BOUND);
                        bookings.put(booking.id(), false);
                    }
                    case 1 -> place(event, new SeatChoice.Explicit(randomSeats(event, random)), now);
                    case 2 -> place(event, new SeatChoice.BestOf(1 + random.nextInt(3)), now);
                    case 3 -> pick(HoldStatus.HELD).ifPresent(id -> confirm(id, now));
                    case 4 -> pick(HoldStatus.HELD).ifPresent(id -> {
                        Hold after = store.releaseHold(id, now);
                        holds.get(id).status = after.status();
                    });
                    default -> bookings.entrySet().stream().filter(e -> !e.getValue()).findAny().ifPresent(e -> {
                        assertThat(store.cancelBooking(e.getKey(), Optional.empty(), now).booking().isCancelled())
                                .isTrue();
                        e.setValue(true);
                    });
                }
            } catch (SeatsUnavailableException | NotEnoughSeatsException expectedUnderContention) {
                // Someone else had the seats: nothing of ours changed.
            }
        }

        private void place(Event event, SeatChoice choice, Instant now) {
            Hold hold = store.placeHold(new HoldRequest(HoldId.random(), event, name, choice, Duration.ofSeconds(40), 50, NO_BOUND),
                    now);
            holds.put(hold.id(), new OwnHold());
        }

        private void confirm(HoldId id, Instant now) {
            OwnHold own = holds.get(id);
            try {
                Booking booking = store.confirmHold(id, BookingId.random(), null, now);
                assertThat(now).as("confirmed before expiry").isBefore(store.findHold(id).orElseThrow().expiresAt());
                own.status = HoldStatus.CONFIRMED;
                own.booking = booking.id();
                bookings.put(booking.id(), false);
            } catch (HoldNotActiveException e) {
                assertThat(e.status()).isEqualTo(HoldStatus.EXPIRED);
                own.refusedAsExpired = true;
            }
        }

        private Optional<HoldId> pick(HoldStatus status) {
            List<HoldId> candidates = holds.entrySet().stream()
                    .filter(e -> e.getValue().status == status && !e.getValue().refusedAsExpired)
                    .map(Map.Entry::getKey).toList();
            return candidates.isEmpty() ? Optional.empty()
                    : Optional.of(candidates.get(random.nextInt(candidates.size())));
        }
    }

    /** The state a thread's own hold must be in, by what the store told that thread. */
    private static final class OwnHold {
        HoldStatus status = HoldStatus.HELD;
        BookingId booking;
        boolean refusedAsExpired;
    }

    private static SeatSelection randomSeats(Event event, Random random) {
        Set<Integer> seats = new HashSet<>();
        int size = 1 + random.nextInt(4);
        while (seats.size() < size) {
            seats.add(1 + random.nextInt(event.totalSeats()));
        }
        return SeatSelection.of(List.copyOf(seats), event.totalSeats(), LIMITS);
    }
}
