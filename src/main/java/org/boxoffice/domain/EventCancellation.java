package org.boxoffice.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What an event's cancellation changes, for a store to apply at once: the event, cancelled; every hold
 * live at that moment, released; every booking with live seats, those seats cancelled and refunded in full
 * whatever the refund policy says (the organizer called the event off, not the customer); every waiting-list
 * entry still waiting or holding an offer, withdrawn (expired). The seats all go back with the event.
 *
 * @param released the holds as released
 * @param refunded each booking's cancellation, with its refund
 * @param withdrawn the waiting-list entries as expired
 */
public record EventCancellation(Event event, Instant at, List<Hold> released, List<Booking.Cancellation> refunded,
        List<WaitlistEntry> withdrawn) {

    public EventCancellation {
        released = List.copyOf(released);
        refunded = List.copyOf(refunded);
        withdrawn = List.copyOf(withdrawn);
    }

    /**
     * Cancels the event at {@code at}, given its holds, bookings and waiting-list entries (others of its
     * kind may be among them: only the live ones change).
     *
     * @throws IllegalStateException if it was cancelled already: that one stays as it is, with nothing to apply
     */
    static EventCancellation of(Event event, Instant at, Collection<Hold> holds, Collection<Booking> bookings,
            Collection<WaitlistEntry> waitlist) {
        if (event.isCancelled()) {
            throw new IllegalStateException("event " + event.id() + " was cancelled already");
        }
        List<Hold> released = new ArrayList<>();
        for (Hold hold : holds) {
            checkSameEvent(event, hold.eventId());
            if (hold.isLiveAt(at)) {
                released.add(hold.releasedAt(at));
            }
        }
        List<Booking.Cancellation> refunded = new ArrayList<>();
        for (Booking booking : bookings) {
            checkSameEvent(event, booking.eventId());
            if (!booking.isCancelled()) {
                refunded.add(booking.cancel(Optional.empty(), Refund.FULL_PERCENT, at));
            }
        }
        List<WaitlistEntry> withdrawn = new ArrayList<>();
        for (WaitlistEntry entry : waitlist) {
            checkSameEvent(event, entry.eventId());
            if (entry.status().isLive()) {
                withdrawn.add(entry.expired());
            }
        }
        return new EventCancellation(event.cancelled(at), at, released, refunded, withdrawn);
    }

    private static void checkSameEvent(Event event, EventId of) {
        if (!event.id().equals(of)) {
            throw new IllegalArgumentException("not of event " + event.id() + ": " + of);
        }
    }

    /**
     * The notifications to write with it, in this order: the event's, each released hold's, each refunded
     * booking's. None for the withdrawn entries: the event's own notification tells their customers.
     */
    public List<Notification> notifications(Notices notices) {
        List<Notification> all = new ArrayList<>(1 + released.size() + refunded.size());
        all.add(notices.eventCancelled(event));
        released.forEach(hold -> all.add(notices.holdReleased(event, hold, at)));
        refunded.forEach(cancellation -> all.add(notices.bookingCancelled(event, cancellation)));
        return all;
    }
}
