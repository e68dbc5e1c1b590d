package org.boxoffice.domain;

import java.util.Objects;

/** One reason a request was refused: the request field at fault (as the client named it) and why. */
public record Violation(String field, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
