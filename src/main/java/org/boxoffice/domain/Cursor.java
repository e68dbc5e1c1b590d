package org.boxoffice.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * A position in a listing ordered by an instant, then by id: the last item a page showed. Pages that
 * continue after it stay stable while items are added elsewhere in the order.
 */
public record Cursor(Instant at, UUID id) implements Comparable<Cursor> {

    /**
     * Ids compare as unsigned 128-bit numbers, as databases compare UUIDs; {@link UUID#compareTo}
     * compares signed halves and would order some ids differently.
     */
    private static final Comparator<Cursor> ORDER = Comparator.comparing(Cursor::at)
            .thenComparing(c -> c.id().getMostSignificantBits(), Long::compareUnsigned)
            .thenComparing(c -> c.id().getLeastSignificantBits(), Long::compareUnsigned);

    public Cursor {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(id, "id");
    }

    public static Cursor of(Event event) {
        return new Cursor(event.startsAt(), event.id().value());
    }

    public static Cursor of(Booking booking) {
        return new Cursor(booking.createdAt(), booking.id().value());
    }

    @Override
    public int compareTo(Cursor other) {
        return ORDER.compare(this, other);
    }
}
