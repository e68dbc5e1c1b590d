package org.boxoffice.domain;

import java.util.Locale;

/** Where a booking stands. */
public enum BookingStatus {
    CONFIRMED,
    CANCELLED;

    /** The lower-case name clients see, as in the seed ({@code "confirmed"}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
