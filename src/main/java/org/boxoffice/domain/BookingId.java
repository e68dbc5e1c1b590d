package org.boxoffice.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Identifies a booking; a time-ordered random UUID ({@link Ids#newUuid}), so ids from many instances never
 * collide.
 */
public record BookingId(UUID value) {

    public BookingId {
        Objects.requireNonNull(value, "value");
    }

    public static BookingId random() {
        return new BookingId(Ids.newUuid());
    }

    /** The id a client wrote, or empty when the text is not a UUID (and so names no booking). */
    public static Optional<BookingId> parse(String text) {
        return Ids.parseUuid(text).map(BookingId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
