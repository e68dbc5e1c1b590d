package org.boxoffice.domain;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Makes new ids, and reads the textual ids clients send; strict, because {@link UUID#fromString}
 * accepts odd forms like "1-1-1-1-1".
 */
final class Ids {

    /**
     * One strong generator per thread. {@link UUID#randomUUID} shares one NativePRNG, whose lock every
     * booking of every event loop queued on (2% of a booking's CPU in a profile); a per-thread SHA1PRNG,
     * seeded from the system's entropy, gives ids as hard to guess at half the cost and without a lock.
     */
    private static final ThreadLocal<SecureRandom> GENERATOR = ThreadLocal.withInitial(Ids::newGenerator);

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    /** A random (version 4) UUID. */
    static UUID randomUuid() {
        byte[] bytes = new byte[16];
        GENERATOR.get().nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("SHA1PRNG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    static Optional<UUID> parseUuid(String text) {
        if (text == null || !CANONICAL_UUID.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }
}
