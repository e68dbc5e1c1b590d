package org.boxoffice.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Identifies an entry of an event's waiting list; a time-ordered random UUID ({@link Ids#newUuid}), so ids
 * from many instances never collide.
 */
public record EntryId(UUID value) {

    public EntryId {
        Objects.requireNonNull(value, "value");
    }

    public static EntryId random() {
        return new EntryId(Ids.newUuid());
    }

    /** The id a client wrote, or empty when the text is not a UUID (and so names no entry). */
    public static Optional<EntryId> parse(String text) {
        return Ids.parseUuid(text).map(EntryId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
