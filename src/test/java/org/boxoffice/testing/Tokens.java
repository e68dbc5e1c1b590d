package org.boxoffice.testing;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Bearer tokens minted for tests with the test key pair in {@code src/test/resources} (made for these
 * tests only; never use it anywhere else), good ones and each kind of bad one.
 */
public final class Tokens {

    public static final String ISSUER = "https://issuer.boxoffice.test";
    /** The aud of tokens for this service. */
    public static final String AUDIENCE = "boxoffice";

    private Tokens() {
    }

    /** The settings that make a test application verify these tokens, with authentication on. */
    public static Map<String, String> verifierSettings() {
        return Map.of(
                "boxoffice.auth.enabled", "true",
                "mp.jwt.verify.publickey.location", "publicKey.pem",
                "mp.jwt.verify.issuer", ISSUER,
                "mp.jwt.verify.audiences", AUDIENCE);
    }

    public static String valid(String subject, String... groups) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).groups(Set.of(groups))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plus(Duration.ofHours(1)))
                .sign("privateKey.pem");
    }

    public static String expired(String subject, String... groups) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).groups(Set.of(groups))
                .issuedAt(Instant.now().minus(Duration.ofHours(2))).expiresAt(Instant.now().minus(Duration.ofHours(1)))
                .sign("privateKey.pem");
    }

    public static String signedByAnotherKey(String subject, String... groups) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).groups(Set.of(groups))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plus(Duration.ofHours(1)))
                .sign("otherPrivateKey.pem");
    }

    public static String fromAnotherIssuer(String subject, String... groups) {
        return Jwt.issuer("https://somebody-else.example").audience(AUDIENCE).subject(subject).groups(Set.of(groups))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plus(Duration.ofHours(1)))
                .sign("privateKey.pem");
    }

    public static String forAnotherAudience(String subject, String... groups) {
        return Jwt.issuer(ISSUER).audience("another-application").subject(subject).groups(Set.of(groups))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plus(Duration.ofHours(1)))
                .sign("privateKey.pem");
    }

    /** Valid now, but issued for ten years. */
    public static String longLived(String subject, String... groups) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).groups(Set.of(groups))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plus(Duration.ofDays(3650)))
                .sign("privateKey.pem");
    }
}
