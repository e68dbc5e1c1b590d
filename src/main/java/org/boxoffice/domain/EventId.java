package org.boxoffice.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Identifies an event; a time-ordered random UUID ({@link Ids#newUuid}), so ids from many instances never
 * collide.
 */
public record EventId(UUID value) {

    public EventId {
        Objects.requireNonNull(value, "value");
    }

    public static EventId random() {
        return new EventId(Ids.newUuid());
    }

    /** The id a client wrote, or empty when the text is not a UUID (and so names no event). */
    public static Optional<EventId> parse(String text) {
        return Ids.parseUuid(text).map(EventId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
