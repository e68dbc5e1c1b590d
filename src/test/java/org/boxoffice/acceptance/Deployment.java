package org.boxoffice.acceptance;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.boxoffice.security.SecretBox;
import org.boxoffice.testing.TestDatabase;
import org.boxoffice.testing.Tokens;

/**
 * The one deployment the acceptance suite runs against in this test run: the artifact named by the
 * system property {@code acceptance.artifact} ({@code jar}, the default; {@code native}, the native
 * executable; {@code container}, with {@code acceptance.image}; {@code lambda-managed};
 * {@code lambda-custom}; {@code lambda-native}) on the store named by
 * {@code acceptance.store} ({@code memory} or {@code postgres}), started once and stopped when the run
 * ends.
 *
 * <p>It runs in the production profile with the defaults a user gets. It is given only what a deployment
 * must give ({@link #settings}): the key and issuer that tokens are verified with, the key that signs
 * ticket codes (required with authentication on), the database with
 * {@code postgres}, and, because the suite's webhook receiver listens on this machine's loopback
 * address, {@code boxoffice.webhooks.allow-private-targets}. Nothing else: authentication, the rate
 * limit, the hold time, body limits, timeouts are the production ones. A build that does not migrate at
 * start (Lambda) gets its {@code migrate} step first, as its deployment does.
 */
final class Deployment {

    private static Deployment instance;

    private final Artifact artifact;
    private final String store;
    private final Map<String, String> settings;
    private final Artifact.Running running;

    private Deployment(Artifact artifact, String store, Map<String, String> settings, Artifact.Running running) {
        this.artifact = artifact;
        this.store = store;
        this.settings = settings;
        this.running = running;
    }

    static synchronized Deployment get() {
        if (instance == null) {
            try {
                instance = start();
            } catch (Exception e) {
                throw new IllegalStateException("the deployment under test did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    instance.running.close();
                } catch (Exception e) {
                    System.out.println("[acceptance] stopping " + instance.artifact.name() + ": " + e);
                }
            }));
        }
        return instance;
    }

    private static Deployment start() throws Exception {
        Artifact artifact = artifact(artifactKind());
        String store = System.getProperty("acceptance.store", "memory").toLowerCase(Locale.ROOT);
        Map<String, String> settings = baseSettings();
        if (store.equals("postgres")) {
            settings.putAll(database(TestDatabase.get().createEmptyDatabase()));
            settings.put("BOXOFFICE_STORE", "postgres");
            if (!artifact.migratesAtStart()) {
                Artifact.Finished migrated = artifact.run(settings, "migrate");
                if (migrated.status() != 0) {
                    throw new IllegalStateException("the migrate step failed: " + migrated.output());
                }
            }
        } else if (!store.equals("memory")) {
            throw new IllegalArgumentException("acceptance.store is memory or postgres, not " + store);
        }
        Path log = Path.of("target", "acceptance", "service-" + store + ".log");
        System.out.println("[acceptance] " + artifact.name() + " on " + store + ", log " + log);
        return new Deployment(artifact, store, settings, artifact.start(settings, log));
    }

    /** The artifact asked for ({@code -Dacceptance.artifact}): {@code jar} unless another is named. */
    static String artifactKind() {
        return System.getProperty("acceptance.artifact", "jar");
    }

    private static Artifact artifact(String kind) throws Exception {
        return switch (kind) {
            case "jar" -> JarArtifact.jar();
            case "native" -> JarArtifact.nativeExecutable();
            case "container" -> new ContainerArtifact(System.getProperty("acceptance.image",
                    "localhost/boxoffice-jvm:local"));
            case "lambda-managed" -> LambdaArtifact.managed();
            case "lambda-custom" -> LambdaArtifact.custom("function-custom.zip");
            case "lambda-native" -> LambdaArtifact.nativeZip();
            default -> throw new IllegalArgumentException("unknown acceptance.artifact " + kind);
        };
    }

    /**
     * What every deployment gives: the token verification key (a file), issuer and audience; the ticket-signing key
     * (made for the run, as an operator makes one with {@code openssl genpkey -algorithm ed25519}) and the
     * webhook secrets' key ({@code openssl rand -base64 32}); the loopback receiver.
     */
    private static Map<String, String> baseSettings() throws Exception {
        Path keys = Path.of("target", "acceptance", "keys").toAbsolutePath();
        Files.createDirectories(keys);
        Path publicKey = keys.resolve("publicKey.pem");
        try (var in = Deployment.class.getResourceAsStream("/publicKey.pem")) {
            Files.copy(in, publicKey, StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString());
        settings.put("MP_JWT_VERIFY_ISSUER", Tokens.ISSUER);
        settings.put("MP_JWT_VERIFY_AUDIENCES", Tokens.AUDIENCE);
        settings.put("BOXOFFICE_CHECKIN_SIGNING_KEY", signingKey());
        settings.put("BOXOFFICE_WEBHOOKS_SECRET_KEY", SecretBox.newKey());
        // The suite's webhook receiver listens on 127.0.0.1 over plain http, which production refuses.
        settings.put("BOXOFFICE_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        return settings;
    }

    /** A new Ed25519 private key, PKCS#8 PEM. */
    private static String signingKey() throws GeneralSecurityException {
        byte[] pkcs8 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pkcs8) + "\n-----END PRIVATE KEY-----\n";
    }

    /** The settings that point a deployment at this database. */
    static Map<String, String> database(String jdbcUrl) {
        return Map.of("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                "QUARKUS_DATASOURCE_USERNAME", TestDatabase.get().user(),
                "QUARKUS_DATASOURCE_PASSWORD", TestDatabase.get().password());
    }

    Artifact artifact() {
        return artifact;
    }

    boolean onPostgres() {
        return store.equals("postgres");
    }

    /** The settings the deployment was started with. */
    Map<String, String> settings() {
        return Map.copyOf(settings);
    }

    URI uri(String path) {
        return running.uri(path);
    }
}
