package org.boxoffice.api.http;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders a domain property path (a Violation's field) into the field path clients send: each name
 * in snake_case, indices kept, except the names the API spells differently, listed in {@link #RENAMED}.
 * A path already in the API's names passes unchanged, so the API layer's own refusals need no rendering.
 */
final class FieldPaths {

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private static final Pattern JAVA_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");

    /** Domain path prefix -> API path prefix, where the API's name is not the domain's in snake_case. */
    static final Map<String, String> RENAMED = Map.of(
            "startsAt", "date_time",
            "pricing.defaultPrice", "pricing.default",
            "types", "events");

    /** Below this prefix the path names a map key the client chose: kept as written. */
    private static final String VERBATIM_BELOW = "pricing.categories.";

    private FieldPaths() {
    }

    static String render(String domainPath) {
        for (Map.Entry<String, String> renamed : RENAMED.entrySet()) {
            String from = renamed.getKey();
            if (domainPath.equals(from) || domainPath.startsWith(from + ".") || domainPath.startsWith(from + "[")) {
                return renamed.getValue() + snakeCasePath(domainPath.substring(from.length()));
            }
        }
        if (domainPath.startsWith(VERBATIM_BELOW)) {
            return domainPath;
        }
        return snakeCasePath(domainPath);
    }

    /**
     * Each Java-style name (lower camelCase) between dots and indices in snake_case; indices, header names
     * ({@code Idempotency-Key}) and anything else not a Java name as they are.
     */
    private static String snakeCasePath(String path) {
        StringBuilder api = new StringBuilder();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.' || c == '[' || c == ']') {
                api.append(name(current.toString())).append(c);
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        return api.append(name(current.toString())).toString();
    }

    /** A Java name ({@code totalSeats}) as the API spells it ({@code total_seats}); any other name as it is. */
    static String name(String name) {
        return JAVA_NAME.matcher(name).matches() ? SNAKE_CASE.translate(name) : name;
    }
}
