package org.boxoffice.domain;

/** A ticket whose seat was cancelled (with its booking, or its event): it admits nobody. */
public class TicketCancelledException extends RuntimeException {

    private final TicketId ticketId;

    public TicketCancelledException(TicketId ticketId) {
        super("Ticket " + ticketId + " was cancelled");
        this.ticketId = ticketId;
    }

    public TicketId ticketId() {
        return ticketId;
    }
}
