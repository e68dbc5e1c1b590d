package org.boxoffice.domain;

/** A code that is not a ticket of this event: forged, altered, for another event, or not a code at all. */
public class InvalidTicketException extends RuntimeException {

    public InvalidTicketException(String why) {
        super(why);
    }
}
