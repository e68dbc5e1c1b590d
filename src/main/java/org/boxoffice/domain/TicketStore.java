package org.boxoffice.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where events, seats, holds and bookings are kept. Every implementation keeps these invariants under
 * any number of concurrent callers (and, for a shared store, any number of instances):
 * <ol>
 *   <li>A seat belongs to at most one live hold or confirmed booking at any instant.</li>
 *   <li>For every event, booked + held + available seats = total seats, in one consistent reading.</li>
 *   <li>A request takes all its seats or none.</li>
 *   <li>A confirmed booking is never lost once stored (a durable store keeps it across a crash).</li>
 *   <li>A refused request changes nothing.</li>
 *   <li>A hold's seats are free to everyone at the instant it expires, whether or not
 *       {@link #sweepExpiredHolds} has run.</li>
 *   <li>Money is never created or lost: for every event, what its bookings took in minus what was
 *       refunded is what the live parts of its bookings are worth; a seat is refunded at most once, and
 *       never more than it cost.</li>
 *   <li>A cancelled event takes nothing new: every booking stored before its cancellation is refunded
 *       in full, and none is stored after.</li>
 *   <li>A change that takes effect writes its notification in the same atomic step; a refused one
 *       writes none. Each is kept at least until {@link org.boxoffice.domain.webhooks.WebhookStore#fanOut} hands it out.</li>
 *   <li>Freed seats go to the waiting list first come, first served ({@link WaitingList}): seats freed by a
 *       cancellation or a release are offered in the same atomic step that frees them, seats freed by an
 *       expiry by the next {@link #offerFreedSeats}; an offer places its hold, marks its entry offered and
 *       writes its {@code waitlist.offered} in one atomic step; an entry has at most one live offer, freed
 *       seats are offered to one entry only, and an offer never takes a seat someone else holds or
 *       booked.</li>
 *   <li>A ticket is checked in at most once per entry, across any number of callers and instances
 *       ({@link #checkIn}).</li>
 * </ol>
 * Methods that take {@code now} judge hold expiry by it (a store with a clock of its own, such as a
 * database, may use that instead). The rules themselves (which seats a request may ask for, the hold
 * limit, best available) are the domain's; a store holds what its medium needs: locks, maps, SQL.
 *
 * <p>The test suite {@code org.boxoffice.store.TicketStoreContract} holds every implementation to
 * these, concurrency included (a new store runs it by a subclass of a few lines); the PostgreSQL
 * store's durability across {@code kill -9} and across instances is {@code MultiInstanceIT}'s.
 */
public interface TicketStore {

    /**
     * Keeps the event if its organizer then has fewer than {@code maxPerOrganizer} events that have not
     * started at the event's creation and are not cancelled; two requests of one organizer cannot both pass
     * that count.
     *
     * @param maxPerOrganizer the bound, or {@link Integer#MAX_VALUE} for none
     * @throws QuotaExceededException if the organizer has that many already; then nothing changes
     */
    void addEvent(Event event, int maxPerOrganizer);

    /** Refuses one more event to an organizer who has {@code already} to come, if that passes {@code limit}. */
    static void checkEventQuota(int limit, long already) {
        QuotaExceededException.check("events to come per organizer", "boxoffice.max-events-per-organizer", limit,
                already, 1);
    }

    Optional<Event> findEvent(EventId id);

    /** Events matching the filter, ordered by start time, then id. */
    Page<Event> listEvents(EventFilter filter, PageRequest page);

    /**
     * Stores the booking and claims its seats in one atomic step, at the booking's creation time, if its
     * customer then holds and has booked no more than {@code maxSeatsPerCustomer} seats of the event with
     * it ({@link HoldRequest#customerSeats}); two requests of one customer cannot both pass that count.
     *
     * @param maxSeatsPerCustomer the bound, or {@link Integer#MAX_VALUE} for none
     * @throws QuotaExceededException if the customer would pass it; then nothing changes
     * @throws SeatsUnavailableException if any seat is taken; then nothing changes
     * @throws EventCancelledException if the event was cancelled; then nothing changes
     * @throws UnknownIdException if the booking's event is not in this store
     */
    void addBooking(Booking booking, int maxSeatsPerCustomer);

    Optional<Booking> findBooking(BookingId id);

    /** Bookings ordered by creation time, then id: one customer's, or everyone's when empty. */
    Page<Booking> listBookings(PageRequest page, Optional<String> customer);

    /**
     * Cancels some seats of the booking, or all that are live, freeing them at once and refunding them by
     * the event's refund policy at {@code now} ({@link Event#cancelBooking}); the freed seats are offered to the
     * event's waiting list in the same step. Cancelling the same seats again, or
     * all of a cancelled booking, changes nothing and answers the first refund.
     *
     * @param seats the seats to cancel, or empty for all that are live
     * @return the booking as it now stands, and the refund
     * @throws UnknownIdException if there is no such booking
     * @throws SeatsAlreadyCancelledException if some seats named were cancelled already
     * @throws InvalidRequestException if a seat named is not a seat of the booking
     */
    Booking.Cancellation cancelBooking(BookingId id, Optional<SeatSelection> seats, Instant now);

    /**
     * Cancels the event: from then on it takes no holds, bookings or waiting customers
     * ({@link EventCancelledException}), and all that {@link Event#cancel} decides changes at once: its live
     * holds are released, every confirmed booking is cancelled with a full refund, and every live entry of
     * its waiting list expires. A booking stored before this returns is refunded; none is stored after.
     * Cancelling again changes nothing.
     *
     * @return the event as it now stands
     * @throws UnknownIdException if there is no such event
     */
    Event cancelEvent(EventId id, Instant now);

    /** The event's sales at {@code now}, from one consistent reading; empty for an unknown event. */
    Optional<SalesReport> salesReport(EventId id, Instant now);

    /**
     * Places a hold on the chosen seats for the request's time to live, all or none.
     *
     * @return the hold, with the seats it got
     * @throws SeatsUnavailableException if an explicitly chosen seat is taken
     * @throws NotEnoughSeatsException if fewer seats are free than a best-available choice asks for
     * @throws HoldLimitExceededException if the customer would hold more seats of the event than allowed
     * @throws QuotaExceededException if the customer would hold and have booked more seats of it than
     *     allowed; two requests of one customer cannot both pass that count
     * @throws EventCancelledException if the event was cancelled
     * @throws UnknownIdException if the event is not in this store
     */
    Hold placeHold(HoldRequest request, Instant now);

    /** The hold as stored; its status at a given instant is {@link Hold#statusAt}. */
    Optional<Hold> findHold(HoldId id);

    /**
     * Releases a live hold, freeing its seats at once and offering them to the event's waiting list in the
     * same step. Releasing the hold of an offer declines it: its entry has left. Releasing a hold that is
     * released or expired already changes nothing.
     *
     * @return the hold as it now stands
     * @throws HoldNotActiveException if the hold was confirmed (cancel the booking instead)
     * @throws UnknownIdException if there is no such hold
     */
    Hold releaseHold(HoldId id, Instant now);

    /**
     * Turns a live hold into a confirmed booking with the same seats at the same prices, in one atomic step;
     * the hold of an offer makes its entry accepted.
     *
     * @param paymentReference what paid for it, or null
     * @throws HoldNotActiveException if the hold expired, was released or was confirmed already
     * @throws EventCancelledException if the event was cancelled
     * @throws UnknownIdException if there is no such hold
     */
    Booking confirmHold(HoldId id, BookingId bookingId, String paymentReference, Instant now);

    /** The event's seat counts at {@code now}, consistent with one another; empty for an unknown event. */
    Optional<SeatCounts> seatCounts(EventId id, Instant now);

    /** The event's seats at {@code now}, row by row, free, held and booked; empty for an unknown event. */
    Optional<SeatPlan> seatPlan(EventId id, Instant now);

    /** The event's free seats at {@code now} as ascending ranges; empty for an unknown event. */
    Optional<List<SeatRange>> availableSeats(EventId id, Instant now);

    /**
     * Reclaims what expired holds still occupy, and writes a {@code hold.expired} notification for each
     * hold that expired since the last sweep. Their seats are free to every reader and writer at the
     * instant they expire whether or not this runs.
     *
     * @return how many holds expired since the last sweep
     */
    int sweepExpiredHolds(Instant now);

    // --- the waiting list ---

    /**
     * Puts a customer on the event's waiting list for {@code quantity} seats, checked by
     * {@link WaitingList#checkJoin} against the seats free at {@code now}, in the same atomic step.
     *
     * @return the entry, waiting, with its position
     * @throws SeatsAvailableException if that many seats are free: book them instead
     * @throws EventCancelledException if the event was cancelled
     * @throws InvalidRequestException if the quantity is out of range
     * @throws UnknownIdException if the event is not in this store
     */
    WaitlistEntry joinWaitlist(EntryId id, Event event, String customer, int quantity, int maxQuantity, Instant now);

    /** The entry as stored, with its position among the waiting entries now; its status at an instant is {@link WaitlistEntry#statusAt}. */
    Optional<WaitlistEntry> findWaitlistEntry(EntryId id);

    /** The event's entries in the order they joined (then id), whatever their status. */
    Page<WaitlistEntry> listWaitlist(EventId eventId, PageRequest page);

    /**
     * Takes an entry off the list: a waiting one leaves; one with a live offer leaves and its hold is
     * released, the seats offered on. Leaving an entry that no longer waits nor holds a live offer changes
     * nothing.
     *
     * @return the entry as it now stands
     * @throws UnknownIdException if there is no such entry
     */
    WaitlistEntry leaveWaitlist(EntryId id, Instant now);

    /**
     * The waiting lists' sweep: marks the offers that ran out by {@code now} expired and offers the seats
     * free now (those of expired holds included) to the entries still waiting, event by event.
     *
     * @return how many offers it made
     */
    int offerFreedSeats(Instant now);

    // --- tickets ---

    /**
     * Scans a ticket at the door ({@link CheckIn#scan}): an entry checks it in at most once until it
     * checks out, however many callers and instances scan it at once. A check-in writes its
     * {@code ticket.checked_in} in the same atomic step.
     *
     * @return where the ticket now stands
     * @throws AlreadyCheckedInException on an entry while it is inside, with the first entry's time and gate
     * @throws NotCheckedInException on an exit while it is not inside
     * @throws TicketCancelledException on an entry of a seat that was cancelled
     * @throws UnknownIdException if the ticket's booking is not in this store
     */
    CheckIn checkIn(Ticket ticket, CheckIn.Direction direction, String gate, Instant now);
}
