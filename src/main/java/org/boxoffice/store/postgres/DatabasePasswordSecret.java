package org.boxoffice.store.postgres;

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
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * On AWS Lambda, the database password read when the function starts from AWS Secrets Manager, through
 * the AWS Parameters and Secrets Lambda Extension (a layer that answers on localhost), so that the
 * function's configuration holds the secret's name and never its value. Given
 * {@code BOXOFFICE_DB_PASSWORD_SECRET} (the secret's ARN or name; its JSON's {@code password}, or its whole
 * text if it is not JSON), this supplies {@code quarkus.datasource.password}; an explicit password in the
 * environment or a system property still wins. Without the setting it does nothing. (Named as
 * {@code BOXOFFICE_DB_POOL_SIZE} is: a deployment's variable beside the datasource's, not a
 * {@code boxoffice.*} key.)
 *
 * <p>The extension listens on {@code PARAMETERS_SECRETS_EXTENSION_HTTP_PORT} (2773 by default) and asks
 * for the function's session token, {@code AWS_SESSION_TOKEN}, in {@code X-Aws-Parameters-Secrets-Token}.
 * A password that cannot be read stops the start, saying why.
 */
public class DatabasePasswordSecret implements ConfigSourceFactory {

    static final String SETTING = "BOXOFFICE_DB_PASSWORD_SECRET";
    static final String PASSWORD = "quarkus.datasource.password";
    /** Above application.properties (250), below environment variables (300) and system properties (400). */
    static final int ORDINAL = 275;
    private static final int DEFAULT_PORT = 2773;
    /** The extension starts with the function; should it not listen yet, it is asked again this long. */
    private static final long WAIT_FOR_EXTENSION_MILLIS = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UnaryOperator<String> environment;

    public DatabasePasswordSecret() {
        this(System::getenv);
    }

    DatabasePasswordSecret(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue secret = context.getValue(SETTING);
        if (secret == null || secret.getValue() == null || secret.getValue().isBlank()) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(Map.of(PASSWORD, read(secret.getValue().strip())),
                "the database password from Secrets Manager (" + SETTING + ")", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private String read(String secretId) {
        String port = environment.apply("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT");
        URI uri = URI.create("http://localhost:" + (port == null || port.isBlank() ? DEFAULT_PORT : port.strip())
                + "/secretsmanager/get?secretId=" + URLEncoder.encode(secretId, StandardCharsets.UTF_8));
        String token = environment.apply("AWS_SESSION_TOKEN");
        if (token == null || token.isBlank()) {
            throw failure(secretId, "AWS_SESSION_TOKEN is not set (it is on AWS Lambda, which the extension needs)");
        }
        long deadline = System.currentTimeMillis() + WAIT_FOR_EXTENSION_MILLIS;
        while (true) {
            try {
                return password(secretId, fetch(uri, token, secretId));
            } catch (ConnectException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw failure(secretId, "nothing listens at " + uri.getAuthority() + ": add the AWS Parameters"
                            + " and Secrets Lambda Extension's layer to the function");
                }
                pause();
            } catch (IOException e) {
                throw failure(secretId, "the extension at " + uri.getAuthority() + " could not be read: " + e);
            }
        }
    }

    private String fetch(URI uri, String token, String secretId) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout(1000);
        // The extension asks Secrets Manager on its first request.
        connection.setReadTimeout(10_000);
        connection.setRequestProperty("X-Aws-Parameters-Secrets-Token", token);
        try {
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw failure(secretId, "the extension answered " + status + ": " + text(connection.getErrorStream()));
            }
            return text(connection.getInputStream());
        } finally {
            connection.disconnect();
        }
    }

    private static String password(String secretId, String answer) throws IOException {
        JsonNode secretString = JSON.readTree(answer).path("SecretString");
        if (!secretString.isTextual()) {
            throw failure(secretId, "the secret has no SecretString (a binary secret?)");
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
        if (!fields.path("password").isTextual()) {
            throw failure(secretId, "the secret's JSON has no \"password\"");
        }
        return fields.path("password").asText();
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

    private static IllegalStateException failure(String secretId, String why) {
        return new IllegalStateException(SETTING + "=" + secretId + ": the database password cannot be read: " + why);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(SETTING + ": interrupted while waiting for the secrets extension", e);
        }
    }
}
