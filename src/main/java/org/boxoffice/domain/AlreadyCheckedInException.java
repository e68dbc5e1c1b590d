package org.boxoffice.domain;

/** An entry scan of a ticket that is inside already; carries the entry that let it in. */
public class AlreadyCheckedInException extends RuntimeException {

    private final CheckIn first;

    public AlreadyCheckedInException(CheckIn first) {
        super("Ticket " + first.ticket().id() + " was checked in at " + first.at() + " through " + first.gate());
        this.first = first;
    }

    /** The entry that let the ticket in. */
    public CheckIn first() {
        return first;
    }
}
