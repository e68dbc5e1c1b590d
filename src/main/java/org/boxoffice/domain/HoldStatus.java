package org.boxoffice.domain;

import java.util.Locale;

/** Where a hold stands. {@link #EXPIRED} is never stored: a hold is expired by the clock alone. */
public enum HoldStatus {
    HELD,
    RELEASED,
    CONFIRMED,
    EXPIRED;

    /** The lower-case name clients see. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
