package org.boxoffice.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of a listing, and where the next one starts (empty on the last page). */
public record Page<T>(List<T> items, Optional<Cursor> next) {

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }
}
