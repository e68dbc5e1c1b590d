package org.boxoffice.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a customer asks to hold: which seats of which event, for how long, the most seats of that event
 * the customer may hold at once (so nobody can hold a whole on-sale hostage), and the most the customer
 * may hold and have booked together ({@link #customerSeats}), so that confirming holds and holding again
 * does not get round the first.
 */
public record HoldRequest(HoldId id, Event event, String customer, SeatChoice choice, Duration ttl,
        int maxHeldSeatsPerCustomer, int maxSeatsPerCustomer) {

    /** The setting of {@code maxSeatsPerCustomer}. */
    public static final String SEATS_PER_CUSTOMER = "boxoffice.max-seats-per-customer";

    public HoldRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a hold must live for some time, not " + ttl);
        }
        if (maxHeldSeatsPerCustomer < 1 || maxSeatsPerCustomer < 1) {
            throw new IllegalArgumentException("a customer must be allowed to hold a seat");
        }
    }

    /**
     * Refuses {@code adding} more seats of an event to a customer who holds and has booked
     * {@code already} of them, if that passes {@code limit}.
     *
     * @throws QuotaExceededException if it would
     */
    public static void customerSeats(int limit, long already, long adding) {
        QuotaExceededException.check("seats of one event held and booked by one customer", SEATS_PER_CUSTOMER,
                limit, already, adding);
    }

    /**
     * Decides the hold, as a box office clerk would: refuses it if, with what the customer already holds
     * of the event, it would exceed the limit; otherwise chooses its seats and places it at {@code at}.
     * The store then claims the seats, all or none, in the same atomic step as it read what it passed in.
     *
     * @param alreadyHeld how many seats of the event the customer's live holds hold at {@code at}
     * @param alreadyBooked how many seats of the event the customer's bookings hold (not cancelled ones)
     * @param bestAvailable the best seats free at {@code at}; asked only by a best-available choice
     * @throws HoldLimitExceededException if the customer would hold more seats of the event than allowed
     * @throws QuotaExceededException if the customer would hold and have booked more seats of it than allowed
     * @throws NotEnoughSeatsException if fewer seats are free than a best-available choice asks for
     */
    public Hold place(int alreadyHeld, int alreadyBooked, SeatChoice.BestSeats bestAvailable, Instant at) {
        if (alreadyHeld + choice.size() > maxHeldSeatsPerCustomer) {
            throw new HoldLimitExceededException(maxHeldSeatsPerCustomer, alreadyHeld);
        }
        customerSeats(maxSeatsPerCustomer, (long) alreadyHeld + alreadyBooked, choice.size());
        return Hold.placed(id, event, customer, choice.resolve(bestAvailable), at, at.plus(ttl));
    }
}
