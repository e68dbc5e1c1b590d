package org.boxoffice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * On AWS Lambda, the secrets a function needs read when it starts from AWS Secrets Manager, through the AWS
 * Parameters and Secrets Lambda Extension (a layer that answers on localhost), so that the function's
 * configuration holds each secret's name and never its value:
 * <ul>
 * <li>{@code BOXOFFICE_DB_PASSWORD_SECRET} (the secret's ARN or name): its JSON's {@code password}, or its
 * whole text if it is not JSON, becomes {@code quarkus.datasource.password};</li>
 * <li>{@code BOXOFFICE_CHECKIN_SIGNING_KEY_SECRET}: its JSON's {@code signing_key} (or its whole text)
 * becomes {@code boxoffice.checkin.signing-key};</li>
 * <li>{@code BOXOFFICE_WEBHOOKS_SECRET_KEY_SECRET}: its JSON's {@code secret_key} (or its whole text)
 * becomes {@code boxoffice.webhooks.secret-key}.</li>
 * </ul>
 * A value given explicitly in the environment or as a system property still wins. Without the settings it
 * does nothing. (Named as {@code BOXOFFICE_DB_POOL_SIZE} is: a deployment's variables, not
 * {@code boxoffice.*} keys.)
 *
 * <p>The extension listens on {@code PARAMETERS_SECRETS_EXTENSION_HTTP_PORT} (2773 by default) and asks
 * for the function's session token, {@code AWS_SESSION_TOKEN}, in {@code X-Aws-Parameters-Secrets-Token}.
 * A secret that cannot be read stops the start, saying why.
 */
public class LambdaSecrets implements ConfigSourceFactory {

    /** A secret to read: the setting that names it, the setting it supplies, its JSON's field. */
    record Secret(String setting, String key, String field, String what) {
    }

    static final Secret PASSWORD = new Secret("BOXOFFICE_DB_PASSWORD_SECRET", "quarkus.datasource.password",
            "password", "the database password");
    static final Secret SIGNING_KEY = new Secret("BOXOFFICE_CHECKIN_SIGNING_KEY_SECRET",
            "boxoffice.checkin.signing-key", "signing_key", "the ticket-signing key");
    static final Secret WEBHOOK_KEY = new Secret("BOXOFFICE_WEBHOOKS_SECRET_KEY_SECRET",
            "boxoffice.webhooks.secret-key", "secret_key", "the key that seals webhook secrets");
    private static final List<Secret> SECRETS = List.of(PASSWORD, SIGNING_KEY, WEBHOOK_KEY);
    /** Above application.properties (250), below environment variables (300) and system properties (400). */
    static final int ORDINAL = 275;
    private static final int DEFAULT_PORT = 2773;
    /** The extension starts with the function; should it not listen yet, it is asked again this long. */
    private static final long WAIT_FOR_EXTENSION_MILLIS = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UnaryOperator<String> environment;

    public LambdaSecrets() {
        this(System::getenv);
    }

    LambdaSecrets(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<ConfigSource> sources = new ArrayList<>();
        for (Secret secret : SECRETS) {
            ConfigValue named = context.getValue(secret.setting());
            if (named != null && named.getValue() != null && !named.getValue().isBlank()) {
                sources.add(new PropertiesConfigSource(Map.of(secret.key(), read(secret, named.getValue().strip())),
                        secret.what() + " from Secrets Manager (" + secret.setting() + ")", ORDINAL));
            }
        }
        return sources;
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private String read(Secret secret, String secretId) {
        String port = environment.apply("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT");
        URI uri = URI.create("http://localhost:" + (port == null || port.isBlank() ? DEFAULT_PORT : port.strip())
                + "/secretsmanager/get?secretId=" + URLEncoder.encode(secretId, StandardCharsets.UTF_8));
        String token = environment.apply("AWS_SESSION_TOKEN");
        if (token == null || token.isBlank()) {
            throw failure(secret, secretId, "AWS_SESSION_TOKEN is not set (it is on AWS Lambda, which the extension needs)");
        }
        long deadline = System.currentTimeMillis() + WAIT_FOR_EXTENSION_MILLIS;
        while (true) {
            try {
                return value(secret, secretId, fetch(uri, token, secret, secretId));
            } catch (ConnectException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw failure(secret, secretId, "nothing listens at " + uri.getAuthority() + ": add the AWS Parameters"
                            + " and Secrets Lambda Extension's layer to the function");
                }
                pause(secret);
            } catch (IOException e) {
                throw failure(secret, secretId, "the extension at " + uri.getAuthority() + " could not be read: " + e);
            }
        }
    }

    private String fetch(URI uri, String token, Secret secret, String secretId) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout(1000);
        // The extension asks Secrets Manager on its first request.
        connection.setReadTimeout(10_000);
        connection.setRequestProperty("X-Aws-Parameters-Secrets-Token", token);
        try {
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw failure(secret, secretId, "the extension answered " + status + ": " + text(connection.getErrorStream()));
            }
            return text(connection.getInputStream());
        } finally {
            connection.disconnect();
        }
    }

    private static String value(Secret secret, String secretId, String answer) throws IOException {
        JsonNode secretString = JSON.readTree(answer).path("SecretString");
        if (!secretString.isTextual()) {
            throw failure(secret, secretId, "the secret has no SecretString (a binary secret?)");
        }
        String text = secretString.asText();
        JsonNode fields;
        try {
            fields = JSON.readTree(text);
        } catch (IOException notJson) {
            return text;
        }
        if (fields == null || !fields.isObject()) {
            return text;
        }
        if (!fields.path(secret.field()).isTextual()) {
            throw failure(secret, secretId, "the secret's JSON has no \"" + secret.field() + "\"");
        }
        return fields.path(secret.field()).asText();
    }

    private static String text(InputStream stream) throws IOException {
        if (stream == null) {
            return "";
        }
        try (stream) {
            String text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            return text.length() > 300 ? text.substring(0, 300) + "..." : text;
        }
    }

    private static IllegalStateException failure(Secret secret, String secretId, String why) {
        return new IllegalStateException(secret.setting() + "=" + secretId + ": " + secret.what() + " cannot be read: "
                + why);
    }

    private static void pause(Secret secret) {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(secret.setting() + ": interrupted while waiting for the secrets extension", e);
        }
    }
}
