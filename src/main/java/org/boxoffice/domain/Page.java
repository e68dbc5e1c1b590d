package org.boxoffice.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** One page of a listing, and where the next one starts (empty on the last page). */
public record Page<T>(List<T> items, Optional<Cursor> next) {

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }

    /**
     * The page for a request, from items fetched in order up to one more than it asks for: that one
     * only tells that a next page exists, which starts after the last item shown.
     */
    public static <T> Page<T> of(List<T> fetched, PageRequest request, Function<T, Cursor> cursorOf) {
        if (fetched.size() <= request.limit()) {
            return new Page<>(fetched, Optional.empty());
        }
        List<T> shown = fetched.subList(0, request.limit());
        return new Page<>(shown, Optional.of(cursorOf.apply(shown.get(shown.size() - 1))));
    }
}
