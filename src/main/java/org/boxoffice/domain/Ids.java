package org.boxoffice.domain;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes new ids, and reads the textual ids clients send; strictly, because {@link UUID#fromString}
 * accepts odd forms like "1-1-1-1-1".
 */
final class Ids {

    /**
     * One strong generator per thread. {@link UUID#randomUUID} shares one NativePRNG, whose lock every
     * booking of every event loop would queue on; a per-thread SHA1PRNG, seeded from the system's
     * entropy, gives random bits as hard to guess, cheaper and lock-free.
     */
    private static final ThreadLocal<SecureRandom> GENERATOR = ThreadLocal.withInitial(Ids::newGenerator);

    private Ids() {
    }

    /**
     * A new id: a version 7 UUID (RFC 9562), 48 bits of Unix milliseconds and then 74 random bits. Ids
     * made later sort after earlier ones, so an index by id grows at its end, as PostgreSQL's primary
     * keys and the in-memory store's id index do; the random bits keep them as unguessable as ever.
     * (An index of random ids is written all over: on the in-memory store that makes the collector
     * rescan the whole id table at every young collection, and its pauses longer.)
     */
    static UUID newUuid() {
        byte[] random = new byte[16];
        GENERATOR.get().nextBytes(random);
        ByteBuffer bits = ByteBuffer.wrap(random);
        long high = (System.currentTimeMillis() << 16) | 0x7000L | (bits.getLong() & 0x0FFFL);
        long low = (bits.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /**
     * A new version 7 UUID whose random bits need not be hard to guess, only unique: from
     * {@link ThreadLocalRandom}, much cheaper than the strong generator, for ids that are not secrets.
     */
    static UUID newPlainUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("SHA1PRNG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /**
     * The UUID in {@code text} when it is canonical: 36 characters, hyphens after the 8th, 12th, 16th
     * and 20th hex digit, ASCII hex digits in either case. Read in one pass, as every request that
     * names an event, hold or booking does (a regular expression and {@link UUID#fromString} would
     * cost a visible share of a short request).
     */
    static Optional<UUID> parseUuid(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        long high = 0;
        long low = 0;
        int digits = 0;
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return Optional.empty();
                }
                continue;
            }
            int value = hexValue(c);
            if (value < 0) {
                return Optional.empty();
            }
            if (digits++ < 16) {
                high = high << 4 | value;
            } else {
                low = low << 4 | value;
            }
        }
        return Optional.of(new UUID(high, low));
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
