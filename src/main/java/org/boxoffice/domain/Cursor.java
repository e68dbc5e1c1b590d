package org.boxoffice.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A position in a listing ordered by an instant, then by id: the last item a page showed. Pages that
 * continue after it stay stable while items are added elsewhere in the order.
 */
public record Cursor(Instant at, UUID id) implements Comparable<Cursor> {

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

    /** An entry's place in its waiting list: the order entries are served in. */
    public static Cursor of(WaitlistEntry entry) {
        return new Cursor(entry.createdAt(), entry.id().value());
    }

    /** By time, then by id ({@link #compareIds}). */
    @Override
    public int compareTo(Cursor other) {
        int order = at.compareTo(other.at);
        return order != 0 ? order : compareIds(id.getMostSignificantBits(), id.getLeastSignificantBits(),
                other.id.getMostSignificantBits(), other.id.getLeastSignificantBits());
    }

    /**
     * Ids, given as the two halves of their UUIDs, compare as unsigned 128-bit numbers, as databases
     * compare UUIDs; {@link UUID#compareTo} compares signed halves and would order some ids differently.
     */
    public static int compareIds(long high, long low, long otherHigh, long otherLow) {
        int order = Long.compareUnsigned(high, otherHigh);
        return order != 0 ? order : Long.compareUnsigned(low, otherLow);
    }
}
