package org.boxoffice.domain;

import java.util.Locale;

/**
 * Where an entry of a waiting list stands: {@link #WAITING} for seats; {@link #OFFERED} a hold of seats
 * until the offer expires; {@link #ACCEPTED} once that hold was booked; {@link #EXPIRED} when the offer ran
 * out (or the event was cancelled); {@link #LEFT} when its customer left the list or declined the offer.
 */
public enum EntryStatus {
    WAITING,
    OFFERED,
    ACCEPTED,
    EXPIRED,
    LEFT;

    /** The lower-case name clients see. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the entry still waits for seats or holds an offer: it may still become a booking. */
    public boolean isLive() {
        return this == WAITING || this == OFFERED;
    }
}
