package org.boxoffice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The secrets read at start (the database password, the ticket-signing key) from a stand-in for the AWS Parameters and Secrets Lambda
 * Extension (deploy/lambda/harness/secrets_extension.py is the harness's), as Lambda's environment
 * gives the extension's port and the session token.
 */
class LambdaSecretsTest {

    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:boxoffice-db-AbCdEf";
    private static final String TOKEN = "session-token-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final HttpServer extension = start();
    private volatile String secretString = "{\"username\":\"boxoffice\",\"password\":\"p\\\"a\\\\ss:w@rd\"}";

    @AfterEach
    void stop() {
        extension.stop(0);
    }

    @Test
    void theSecretsPasswordBecomesTheDatasourcePassword() {
        SmallRyeConfig config = config(Map.of(LambdaSecrets.PASSWORD.setting(), SECRET), TOKEN, port());

        assertThat(config.getValue(LambdaSecrets.PASSWORD.key(), String.class)).isEqualTo("p\"a\\ss:w@rd");
        assertThat(asked).containsExactly(SECRET);
    }

    @Test
    void theTicketSigningKeyIsReadFromItsOwnSecret() {
        secretString = "{\"signing_key\":\"-----BEGIN PRIVATE KEY-----\\nMC4CAQAwBQYDK2VwBCIEIA==\\n-----END PRIVATE KEY-----\"}";

        SmallRyeConfig config = config(Map.of(LambdaSecrets.SIGNING_KEY.setting(), SECRET), TOKEN, port());

        assertThat(config.getValue(LambdaSecrets.SIGNING_KEY.key(), String.class))
                .startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----");
        assertThat(config.getOptionalValue(LambdaSecrets.PASSWORD.key(), String.class)).isEmpty();
    }

    @Test
    void aSecretThatIsNotJsonIsThePasswordItself() {
        secretString = "just-the-password";

        SmallRyeConfig config = config(Map.of(LambdaSecrets.PASSWORD.setting(), SECRET), TOKEN, port());

        assertThat(config.getValue(LambdaSecrets.PASSWORD.key(), String.class)).isEqualTo("just-the-password");
    }

    @Test
    void aPasswordGivenInTheEnvironmentWins() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of(LambdaSecrets.PASSWORD.setting(), SECRET), "settings", 250))
                .withSources(new PropertiesConfigSource(Map.of(LambdaSecrets.PASSWORD.key(), "given"), "environment", 300))
                .withSources(new LambdaSecrets(environment(TOKEN, port())))
                .build();

        assertThat(config.getValue(LambdaSecrets.PASSWORD.key(), String.class)).isEqualTo("given");
    }

    @Test
    void withoutTheSettingNothingIsAsked() {
        SmallRyeConfig config = config(Map.of(), TOKEN, port());

        assertThat(config.getOptionalValue(LambdaSecrets.PASSWORD.key(), String.class)).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void aTokenTheExtensionRefusesStopsTheStartNamingTheSettingAndTheAnswer() {
        assertThatThrownBy(() -> config(Map.of(LambdaSecrets.PASSWORD.setting(), SECRET), "not-the-token", port()))
                .hasStackTraceContaining("BOXOFFICE_DB_PASSWORD_SECRET=" + SECRET)
                .hasStackTraceContaining("the extension answered 401");
    }

    @Test
    void withNoExtensionListeningTheStartStopsSayingToAddItsLayer() {
        int closed = port();
        extension.stop(0);

        assertThatThrownBy(() -> config(Map.of(LambdaSecrets.PASSWORD.setting(), SECRET), TOKEN, closed))
                .hasStackTraceContaining("add the AWS Parameters and Secrets Lambda Extension's layer");
    }

    private SmallRyeConfig config(Map<String, String> settings, String token, int port) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(settings, "settings", 250))
                .withSources(new LambdaSecrets(environment(token, port)))
                .build();
    }

    private static UnaryOperator<String> environment(String token, int port) {
        Map<String, String> variables = new HashMap<>();
        variables.put("AWS_SESSION_TOKEN", token);
        variables.put("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", Integer.toString(port));
        return variables::get;
    }

    private int port() {
        return extension.getAddress().getPort();
    }

    private HttpServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/secretsmanager/get", this::answer);
            http.start();
            return http;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String secretId = URLDecoder.decode(query.substring(query.indexOf("secretId=") + 9), StandardCharsets.UTF_8);
        byte[] body;
        int status;
        if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Aws-Parameters-Secrets-Token"))) {
            status = 401;
            body = "unauthorized".getBytes(StandardCharsets.UTF_8);
        } else {
            asked.add(secretId);
            status = 200;
            body = JSON.writeValueAsBytes(Map.of("ARN", secretId, "Name", "boxoffice-db", "SecretString", secretString,
                    "VersionId", "v1"));
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
