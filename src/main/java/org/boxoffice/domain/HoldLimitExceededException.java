package org.boxoffice.domain;

/** A hold that would leave one customer holding more seats of an event than the limit allows. */
public class HoldLimitExceededException extends RuntimeException {

    private final int limit;
    private final int alreadyHeld;

    public HoldLimitExceededException(int limit, int alreadyHeld) {
        super("A customer may hold at most " + limit + " seats of an event; " + alreadyHeld + " held already");
        this.limit = limit;
        this.alreadyHeld = alreadyHeld;
    }

    public int limit() {
        return limit;
    }

    public int alreadyHeld() {
        return alreadyHeld;
    }
}
