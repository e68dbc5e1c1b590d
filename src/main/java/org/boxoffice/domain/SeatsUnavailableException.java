package org.boxoffice.domain;

import java.util.Arrays;

/** Some requested seats already belong to someone else, so none of the request was granted. */
public class SeatsUnavailableException extends RuntimeException {

    private final int[] unavailableSeats;

    public SeatsUnavailableException(int[] unavailableSeats) {
        super("Seats already taken: " + Arrays.toString(unavailableSeats));
        if (unavailableSeats.length == 0) {
            throw new IllegalArgumentException("a conflict needs at least one unavailable seat");
        }
        this.unavailableSeats = unavailableSeats.clone();
    }

    /** The requested seats that were taken, in ascending order. */
    public int[] unavailableSeats() {
        return unavailableSeats.clone();
    }
}
