package org.boxoffice.domain;

/** The event was cancelled: nothing of it can be held or booked any more. */
public class EventCancelledException extends RuntimeException {

    private final EventId eventId;

    public EventCancelledException(EventId eventId) {
        super("Event " + eventId + " was cancelled");
        this.eventId = eventId;
    }

    public EventId eventId() {
        return eventId;
    }
}
