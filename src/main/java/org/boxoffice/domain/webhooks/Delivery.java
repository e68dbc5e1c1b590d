package org.boxoffice.domain.webhooks;

import org.boxoffice.domain.Notification;
import org.boxoffice.domain.NotificationId;
import org.boxoffice.domain.NotificationType;
import org.boxoffice.domain.WebhookId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One notification's way to one webhook: how often it was tried, what the receiver last answered, and
 * when it is tried next.
 *
 * @param lastStatus the receiver's last HTTP status, or null (none yet, or no answer)
 * @param nextAttemptAt when it is tried next; null once delivered or failed
 */
public record Delivery(WebhookId webhookId, NotificationId notificationId, NotificationType type, int attempts,
        Integer lastStatus, Instant nextAttemptAt, State state) {

    /** Where a delivery stands. */
    public enum State {
        PENDING, DELIVERED, FAILED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Delivery {
        Objects.requireNonNull(webhookId, "webhookId");
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
    }

    /** A new delivery, due at once. */
    public static Delivery of(Webhook webhook, Notification notification, Instant now) {
        return new Delivery(webhook.id(), notification.id(), notification.type(), 0, null, now, State.PENDING);
    }

    /**
     * The delivery after an attempt: delivered on a 2xx answer; otherwise tried again by the schedule, or
     * failed once it runs out or the receiver said 410 Gone.
     *
     * @param status the receiver's HTTP status, or null when it did not answer in time
     */
    public Delivery attempted(Integer status, RetrySchedule schedule, Instant now) {
        int tried = attempts + 1;
        if (status != null && status >= 200 && status < 300) {
            return new Delivery(webhookId, notificationId, type, tried, status, null, State.DELIVERED);
        }
        Instant next = status != null && status == 410 ? null : schedule.next(tried, now).orElse(null);
        return new Delivery(webhookId, notificationId, type, tried, status, next,
                next == null ? State.FAILED : State.PENDING);
    }

    /** The delivery given up untried, as its webhook was disabled. */
    public Delivery abandoned() {
        return new Delivery(webhookId, notificationId, type, attempts, lastStatus, null, State.FAILED);
    }

    /** Whether the receiver said its webhook is gone for good: it is disabled. */
    public boolean gone() {
        return lastStatus != null && lastStatus == 410;
    }

    /**
     * Whether this outcome disables the webhook: its receiver said 410 Gone, or it failed this delivery for
     * good, through every retry of the schedule (hours of failures), so that a dead receiver does not keep
     * costing attempts.
     */
    public boolean disablesWebhook() {
        return state == State.FAILED && attempts > 0;
    }
}
