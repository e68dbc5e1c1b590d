package org.boxoffice.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a notification, and its CloudEvent and webhook deliveries ({@code webhook-id}): receivers
 * drop a second delivery of the same id. Time-ordered, so the outbox is read oldest first.
 */
public record NotificationId(UUID value) {

    public NotificationId {
        Objects.requireNonNull(value, "value");
    }

    /** A new id: unique and time-ordered; not a secret (it travels with the notification's data). */
    public static NotificationId random() {
        return new NotificationId(Ids.newPlainUuid());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
