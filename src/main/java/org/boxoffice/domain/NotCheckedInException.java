package org.boxoffice.domain;

/** An exit scan of a ticket that is not inside. */
public class NotCheckedInException extends RuntimeException {

    private final TicketId ticketId;

    public NotCheckedInException(TicketId ticketId) {
        super("Ticket " + ticketId + " is not checked in");
        this.ticketId = ticketId;
    }

    public TicketId ticketId() {
        return ticketId;
    }
}
