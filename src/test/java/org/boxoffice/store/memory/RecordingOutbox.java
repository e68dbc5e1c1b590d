package org.boxoffice.store.memory;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Notification;

/** The in-memory outbox, remembering every notification the store writes so that a test can read them. */
final class RecordingOutbox extends InMemoryOutbox {

    private final Queue<Notification> written = new ConcurrentLinkedQueue<>();

    @Override
    void add(Notification notification) {
        super.add(notification);
        written.add(notification);
    }

    /** The event's notifications, oldest first (each is written under its event's lock). */
    List<Notification> written(EventId id) {
        return written.stream().filter(notification -> notification.eventId().equals(id)).toList();
    }
}
