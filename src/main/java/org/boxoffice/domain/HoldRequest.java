package org.boxoffice.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a customer asks to hold: which seats of which event, for how long, and the most seats of that
 * event the customer may hold at once (so nobody can hold a whole on-sale hostage).
 */
public record HoldRequest(HoldId id, Event event, String customer, SeatChoice choice, Duration ttl,
        int maxHeldSeatsPerCustomer) {

    public HoldRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a hold must live for some time, not " + ttl);
        }
        if (maxHeldSeatsPerCustomer < 1) {
            throw new IllegalArgumentException("a customer must be allowed to hold a seat");
        }
    }

    /**
     * Decides the hold, as a box office clerk would: refuses it if, with what the customer already holds
     * of the event, it would exceed the limit; otherwise chooses its seats and places it at {@code at}.
     * The store then claims the seats, all or none, in the same atomic step as it read what it passed in.
     *
     * @param alreadyHeld how many seats of the event the customer's live holds hold at {@code at}
     * @param bestAvailable the best seats free at {@code at}; asked only by a best-available choice
     * @throws HoldLimitExceededException if the customer would hold more seats of the event than allowed
     * @throws NotEnoughSeatsException if fewer seats are free than a best-available choice asks for
     */
    public Hold place(int alreadyHeld, SeatChoice.BestSeats bestAvailable, Instant at) {
        if (alreadyHeld + choice.size() > maxHeldSeatsPerCustomer) {
            throw new HoldLimitExceededException(maxHeldSeatsPerCustomer, alreadyHeld);
        }
        return Hold.placed(id, event, customer, choice.resolve(bestAvailable), at, at.plus(ttl));
    }
}
