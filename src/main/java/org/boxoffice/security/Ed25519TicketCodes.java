package org.boxoffice.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.boxoffice.domain.BookingId;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Ticket;
import org.boxoffice.domain.TicketCodes;
import org.boxoffice.domain.TicketId;

/**
 * Ticket codes as JWS in compact form (RFC 7515) signed with Ed25519 ({@code alg} {@code EdDSA}, RFC 8037),
 * by the JDK's own implementation: {@code header.payload.signature}, each base64url without padding. The
 * header names the key ({@code kid}: its RFC 7638 thumbprint), so any JOSE library verifies a code offline
 * with the JWKS of {@link #keys}; the payload is {@code {event_id, booking_id, ticket_id, seat}}. A code is
 * the same every time it is made (Ed25519 signatures are deterministic).
 */
public final class Ed25519TicketCodes implements TicketCodes {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+?)-----END PRIVATE KEY-----");
    /** Codes longer than this are not ours: refused before any parsing. */
    private static final int MAX_CODE_LENGTH = 2_000;

    private record Key(String id, PrivateKey privateKey, PublicKey publicKey, byte[] raw) {
    }

    private final List<Key> keys;
    private final ObjectMapper json = new ObjectMapper();

    private Ed25519TicketCodes(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * The keys of PKCS#8 PEM text: one or more {@code PRIVATE KEY} blocks of Ed25519 keys; the first signs.
     *
     * @throws IllegalArgumentException saying what is wrong with the text, never echoing it
     */
    public static Ed25519TicketCodes fromPem(String pem) {
        List<Key> keys = new ArrayList<>();
        // Where a platform keeps settings on one line, its line breaks may arrive written as \n.
        Matcher block = PEM.matcher(pem.replace("\\n", "\n"));
        while (block.find()) {
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(block.group(1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("PEM block " + (keys.size() + 1) + " is not base64");
            }
            keys.add(key(der, keys.size() + 1));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no -----BEGIN PRIVATE KEY----- block (PKCS#8 PEM) found");
        }
        return new Ed25519TicketCodes(keys);
    }

    /** A new key, for this process only. */
    public static Ed25519TicketCodes generated() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new Ed25519TicketCodes(List.of(key(pair)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK from 15 on has Ed25519", e);
        }
    }

    /** The private key of this PEM's first block, as PKCS#8 PEM again: for tests and tools that make keys. */
    public static String pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    private static Key key(byte[] pkcs8, int number) {
        try {
            PrivateKey given = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            byte[] seed = ((EdECPrivateKey) given).getBytes()
                    .orElseThrow(() -> new IllegalArgumentException("PEM block " + number + " has no key bytes"));
            return key(pairOf(seed));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("PEM block " + number + " is not an Ed25519 private key (PKCS#8)");
        }
    }

    /**
     * The key pair of a private key: the JDK derives an Ed25519 public key only while generating a pair,
     * so it generates one from a "random" source that yields exactly the private key's bytes.
     */
    private static KeyPair pairOf(byte[] seed) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                if (bytes.length != seed.length) {
                    throw new IllegalStateException("an Ed25519 private key is " + seed.length + " bytes");
                }
                System.arraycopy(seed, 0, bytes, 0, seed.length);
            }
        });
        KeyPair pair = generator.generateKeyPair();
        if (!Arrays.equals(((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow(), seed)) {
            throw new GeneralSecurityException("the derived key pair does not hold the given private key");
        }
        return pair;
    }

    private static Key key(KeyPair pair) throws GeneralSecurityException {
        byte[] encoded = pair.getPublic().getEncoded();
        // An Ed25519 SubjectPublicKeyInfo is a fixed 12-byte prefix and the 32-byte key (RFC 8410).
        byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        return new Key(thumbprint(raw), pair.getPrivate(), pair.getPublic(), raw);
    }

    /** The key's RFC 7638 JWK thumbprint: SHA-256 of its required members in lexical order, base64url. */
    private static String thumbprint(byte[] raw) throws GeneralSecurityException {
        String members = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + BASE64URL.encodeToString(raw) + "\"}";
        return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(members.getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public String sign(Ticket ticket) {
        Key key = keys.get(0);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "EdDSA");
        header.put("kid", key.id());
        header.put("typ", "JWT");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event_id", ticket.eventId().toString());
        payload.put("booking_id", ticket.bookingId().toString());
        payload.put("ticket_id", ticket.id().toString());
        payload.put("seat", ticket.seat());
        String signingInput = encode(header) + "." + encode(payload);
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.privateKey());
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with Ed25519 failed", e);
        }
    }

    @Override
    public Optional<Ticket> verify(String code) {
        if (code == null || code.length() > MAX_CODE_LENGTH) {
            return Optional.empty();
        }
        String[] parts = code.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode header = json.readTree(BASE64URL_DECODER.decode(parts[0]));
            if (!"EdDSA".equals(header.path("alg").asText()) || header.has("crit")) {
                return Optional.empty();
            }
            Optional<Key> key = keys.stream().filter(k -> k.id().equals(header.path("kid").asText())).findFirst();
            if (key.isEmpty()) {
                return Optional.empty();
            }
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key.get().publicKey());
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(BASE64URL_DECODER.decode(parts[2]))) {
                return Optional.empty();
            }
            JsonNode payload = json.readTree(BASE64URL_DECODER.decode(parts[1]));
            return Optional.of(new Ticket(new TicketId(UUID.fromString(payload.path("ticket_id").asText())),
                    new EventId(UUID.fromString(payload.path("event_id").asText())),
                    new BookingId(UUID.fromString(payload.path("booking_id").asText())),
                    payload.path("seat").asInt()));
        } catch (IllegalArgumentException | GeneralSecurityException | java.io.IOException e) {
            // Not base64url, not JSON, not a signature, a missing or malformed claim: not a code of ours.
            return Optional.empty();
        }
    }

    @Override
    public List<VerificationKey> keys() {
        return keys.stream().map(key -> new VerificationKey(key.id(), key.raw().clone())).toList();
    }

    private String encode(Map<String, Object> part) {
        try {
            return BASE64URL.encodeToString(json.writeValueAsBytes(part));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serialises", e);
        }
    }
}
