package org.boxoffice.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals short secrets for keeping at rest with AES-256-GCM (the JDK's): {@code sealed} and the base64 of a
 * random 12-byte nonce and the ciphertext with its tag. Each is bound to a context (the webhook's id) as
 * associated data, so a sealed value copied to another row does not open. The first key seals; every key
 * opens, so the key can be replaced without resealing at once. A value that is not sealed (a
 * {@code whsec_} secret kept before sealing, or by a box without a key) opens as itself.
 */
public final class SecretBox {

    /** What a sealed value begins with. Six characters, like {@code whsec_}, then base64. */
    public static final String PREFIX = "sealed";
    private static final String LEGACY_PREFIX = "whsec_";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<SecretKey> keys;

    private SecretBox(List<SecretKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * The keys of a setting: base64 256-bit keys separated by commas, the first sealing.
     *
     * @throws IllegalArgumentException naming what is wrong, never showing a key
     */
    public static SecretBox fromSetting(String setting) {
        List<SecretKey> keys = new ArrayList<>();
        for (String part : setting.split(",")) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(part.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("key " + (keys.size() + 1) + " is not base64");
            }
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("key " + (keys.size() + 1) + " has " + key.length
                        + " bytes; it must have " + KEY_BYTES);
            }
            keys.add(new SecretKeySpec(key, "AES"));
        }
        return new SecretBox(keys);
    }

    /**
     * A box without a key, for a service allowed to run without one (authentication off): it keeps secrets
     * as they are, so that they still open after a restart and on every instance, and opens only those.
     */
    public static SecretBox withoutKey() {
        return new SecretBox(List.of());
    }

    /** A box with a key made now: what it seals opens only in this process. */
    public static SecretBox generated() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(KEY_BYTES * 8, RANDOM);
            return new SecretBox(List.of(generator.generateKey()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is part of every JDK", e);
        }
    }

    /** A new random key as the setting takes it. */
    public static String newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public static boolean isSealed(String value) {
        return value.startsWith(PREFIX);
    }

    /** {@code secret} sealed with the first key, bound to {@code context}. */
    public String seal(String secret, String context) {
        if (keys.isEmpty()) {
            return secret;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(0), nonce, context);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * The secret {@code stored} holds: opened with whichever key sealed it, or the value itself if it was
     * kept unsealed.
     *
     * @throws IllegalStateException when no key opens it (another key, another context, or altered)
     */
    public String open(String stored, String context) {
        if (!isSealed(stored)) {
            if (!stored.startsWith(LEGACY_PREFIX)) {
                throw new IllegalStateException("a stored secret for " + context + " is neither sealed nor whsec_");
            }
            return stored;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a sealed secret for " + context + " is not base64");
        }
        if (bytes.length <= NONCE_BYTES) {
            throw new IllegalStateException("a sealed secret for " + context + " is too short");
        }
        for (SecretKey key : keys) {
            try {
                Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(bytes, NONCE_BYTES), context);
                return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES),
                        StandardCharsets.UTF_8);
            } catch (AEADBadTagException wrongKey) {
                // another key may have sealed it
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is part of every JDK", e);
            }
        }
        throw new IllegalStateException("a sealed secret for " + context + " does not open with any key of"
                + " boxoffice.webhooks.secret-key: it was sealed with a key no longer listed, or altered");
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String context)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
