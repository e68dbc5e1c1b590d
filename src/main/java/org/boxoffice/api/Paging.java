package org.boxoffice.api;

import java.util.function.Function;
import org.boxoffice.domain.InvalidRequestException;
import org.boxoffice.domain.Page;
import org.boxoffice.domain.PageRequest;

/** Reads {@code limit} and {@code cursor} query parameters, and writes pages as {@code {items, next_cursor}}. */
final class Paging {

    private Paging() {
    }

    /** Takes text, not a number, so that {@code limit=abc} is a 400 naming the parameter, not a bare 404. */
    static PageRequest request(String limit, String cursor) {
        int size = PageRequest.DEFAULT_LIMIT;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                throw new InvalidRequestException("limit", "must be a whole number from 1 to " + PageRequest.MAX_LIMIT);
            }
        }
        return new PageRequest(size, Cursors.decode(cursor));
    }

    static <T, R> PageResponse<R> response(Page<T> page, Function<T, R> toResponse) {
        return new PageResponse<>(page.items().stream().map(toResponse).toList(),
                page.next().map(Cursors::encode).orElse(null));
    }
}
