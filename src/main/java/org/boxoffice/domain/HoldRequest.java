package org.boxoffice.domain;

import java.time.Duration;
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

    /** How many seats this request asks for. */
    public int size() {
        return choice instanceof SeatChoice.Explicit explicit ? explicit.seats().size()
                : ((SeatChoice.BestOf) choice).quantity();
    }

    /** Refuses the request if, with what the customer already holds, it would exceed the limit. */
    public void checkLimit(int alreadyHeld) {
        if (alreadyHeld + size() > maxHeldSeatsPerCustomer) {
            throw new HoldLimitExceededException(maxHeldSeatsPerCustomer, alreadyHeld);
        }
    }
}
