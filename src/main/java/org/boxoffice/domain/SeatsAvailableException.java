package org.boxoffice.domain;

/** A customer asked to wait for seats that are free now: book them instead. Nothing changed. */
public class SeatsAvailableException extends RuntimeException {

    private final int requested;
    private final int available;

    public SeatsAvailableException(int requested, int available) {
        super(available + " seats are free, " + requested + " asked for");
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
