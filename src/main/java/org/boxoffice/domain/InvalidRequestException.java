package org.boxoffice.domain;

import java.util.List;

/** A request broke a rule before anything changed; it lists every field at fault, not just the first. */
public class InvalidRequestException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidRequestException(List<Violation> violations) {
        super(describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid request needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        StringBuilder text = new StringBuilder();
        for (Violation violation : violations) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(violation.field()).append(' ').append(violation.message());
        }
        return text.toString();
    }
}
