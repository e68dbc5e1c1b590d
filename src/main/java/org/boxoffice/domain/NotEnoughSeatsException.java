package org.boxoffice.domain;

/** A best-available request for more seats than are free; nothing was held. */
public class NotEnoughSeatsException extends RuntimeException {

    private final int requested;
    private final int available;

    public NotEnoughSeatsException(int requested, int available) {
        super("Asked for " + requested + " seats, " + available + " free");
        this.requested = requested;
        this.available = available;
    }

    public int requested() {
        return requested;
    }

    public int available() {
        return available;
    }
}
