package org.boxoffice.store.memory;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.boxoffice.domain.Notification;

/**
 * The notifications {@link InMemoryTicketStore} writes with its changes (under the event's lock, with the
 * change), waiting for {@link InMemoryWebhookStore} to hand them out. Like everything in memory, gone when
 * the process ends.
 */
@ApplicationScoped
public class InMemoryOutbox {

    private final Queue<Notification> waiting = new ConcurrentLinkedQueue<>();

    void add(Notification notification) {
        waiting.add(notification);
    }

    /** Up to {@code limit} notifications not handed out yet, oldest first; they are no longer waiting. */
    List<Notification> take(int limit) {
        List<Notification> taken = new ArrayList<>();
        while (taken.size() < limit) {
            Notification next = waiting.poll();
            if (next == null) {
                break;
            }
            taken.add(next);
        }
        return taken;
    }
}
