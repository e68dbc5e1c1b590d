package org.boxoffice.domain;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Makes the notification of each kind of change, with the changed object as the API shows it. The
 * stores call it inside the change's own transaction and keep what it makes with the change.
 */
public final class Notices {

    /** How the API shows each object, as JSON: the notification carries exactly that. */
    public interface Payloads {
        String event(Event event);

        String hold(Event event, Hold hold, Instant now);

        /** @param refund the refund this change made, or null */
        String booking(Event event, Booking booking, Refund refund);

        String waitlistEntry(Event event, WaitlistEntry entry);

        String checkIn(Event event, CheckIn checkIn);
    }

    private final Payloads payloads;

    public Notices(Payloads payloads) {
        this.payloads = payloads;
    }

    public Notification eventCreated(Event event) {
        return notice(NotificationType.EVENT_CREATED, event, event.id().value(), event.createdAt(),
                () -> payloads.event(event));
    }

    public Notification eventCancelled(Event event) {
        return notice(NotificationType.EVENT_CANCELLED, event, event.id().value(), event.cancelledAt(),
                () -> payloads.event(event));
    }

    public Notification holdPlaced(Event event, Hold hold) {
        return hold(NotificationType.HOLD_PLACED, event, hold, hold.createdAt());
    }

    public Notification holdReleased(Event event, Hold hold, Instant now) {
        return hold(NotificationType.HOLD_RELEASED, event, hold, now);
    }

    public Notification holdExpired(Event event, Hold hold) {
        return hold(NotificationType.HOLD_EXPIRED, event, hold, hold.expiresAt());
    }

    public Notification bookingConfirmed(Event event, Booking booking) {
        return notice(NotificationType.BOOKING_CONFIRMED, event, booking.id().value(), booking.createdAt(),
                () -> payloads.booking(event, booking, null));
    }

    public Notification bookingCancelled(Event event, Booking.Cancellation cancellation) {
        Booking booking = cancellation.booking();
        return notice(NotificationType.BOOKING_CANCELLED, event, booking.id().value(),
                cancellation.refund().at(), () -> payloads.booking(event, booking, cancellation.refund()));
    }

    /** An entry was offered seats: its offer's hold was placed with it. */
    public Notification waitlistOffered(Event event, WaitlistEntry entry, Instant at) {
        return notice(NotificationType.WAITLIST_OFFERED, event, entry.id().value(), at,
                () -> payloads.waitlistEntry(event, entry));
    }

    /** A ticket was let in. */
    public Notification ticketCheckedIn(Event event, CheckIn checkIn) {
        return notice(NotificationType.TICKET_CHECKED_IN, event, checkIn.ticket().id().value(), checkIn.at(),
                () -> payloads.checkIn(event, checkIn));
    }

    private Notification hold(NotificationType type, Event event, Hold hold, Instant at) {
        return notice(type, event, hold.id().value(), at, () -> payloads.hold(event, hold, at));
    }

    private static Notification notice(NotificationType type, Event event, UUID subject, Instant at,
            Supplier<String> data) {
        return new Notification(NotificationId.random(), type, event.id(), event.organizer(), subject, at, data);
    }
}
