package org.boxoffice.domain;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reads the textual ids clients send; strict, because {@link UUID#fromString} accepts odd forms like "1-1-1-1-1". */
final class Ids {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    static Optional<UUID> parseUuid(String text) {
        if (text == null || !CANONICAL_UUID.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }
}
