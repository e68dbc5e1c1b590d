package org.boxoffice.domain;

import java.util.Objects;

/**
 * One reason a request was refused: the property at fault, by its path in the domain's own names
 * ({@code startsAt}, {@code pricing.defaultPrice}, {@code layout.sections[1].rows[0].label}), and why.
 * The API renders the path into the field names its clients send (api.FieldPaths).
 */
public record Violation(String field, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
