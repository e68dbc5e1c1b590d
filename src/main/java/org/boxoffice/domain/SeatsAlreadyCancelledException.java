package org.boxoffice.domain;

import java.util.Arrays;

/** Some seats a partial cancellation names were cancelled (and refunded) already; nothing was changed. */
public class SeatsAlreadyCancelledException extends RuntimeException {

    private final int[] seats;

    public SeatsAlreadyCancelledException(int[] seats) {
        super("Seats already cancelled: " + Arrays.toString(seats));
        this.seats = seats.clone();
    }

    public int[] seats() {
        return seats.clone();
    }
}
