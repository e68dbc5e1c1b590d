package org.boxoffice.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.boxoffice.domain.Cursor;
import org.boxoffice.domain.InvalidRequestException;

/**
 * Writes listing positions as opaque text for clients, and reads them back. Opaque so that the
 * ordering can change without breaking clients that only pass the text along.
 */
final class Cursors {

    private static final String VERSION = "v1";

    private Cursors() {
    }

    static String encode(Cursor cursor) {
        String plain = VERSION + ":" + cursor.at().getEpochSecond() + ":" + cursor.at().getNano() + ":" + cursor.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<Cursor> decode(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":");
            if (parts.length != 4 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("unknown cursor form");
            }
            Instant at = Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            return Optional.of(new Cursor(at, UUID.fromString(parts[3])));
        } catch (RuntimeException e) {
            throw new InvalidRequestException("cursor", "is not a cursor this service gave out; pass next_cursor"
                    + " from the previous page unchanged");
        }
    }
}
