package org.boxoffice.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Identifies a hold; a time-ordered random UUID ({@link Ids#newUuid}), so ids from many instances never
 * collide.
 */
public record HoldId(UUID value) {

    public HoldId {
        Objects.requireNonNull(value, "value");
    }

    public static HoldId random() {
        return new HoldId(Ids.newUuid());
    }

    /** The id a client wrote, or empty when the text is not a UUID (and so names no hold). */
    public static Optional<HoldId> parse(String text) {
        return Ids.parseUuid(text).map(HoldId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
