package org.boxoffice.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.boxoffice.security.Ed25519TicketCodes;
import org.junit.jupiter.api.Test;

/**
 * The packaged service with authentication on but no key to verify tokens, none to sign tickets, or none to
 * seal webhook secrets, refuses to start, and says what is missing.
 */
class AuthSettingsIT {

    /** The token settings a deployment gives, so that the start gets as far as the keys. */
    private static final List<String> TOKEN_SETTINGS = List.of(
            "-Dmp.jwt.verify.publickey.location=" + Path.of("src", "test", "resources", "publicKey.pem").toAbsolutePath(),
            "-Dmp.jwt.verify.issuer=https://issuer.boxoffice.test", "-Dmp.jwt.verify.audiences=boxoffice");

    /**
     * Starts the packaged service in the production profile with these system properties and environment
     * (null removes a variable), and returns what it printed once it refused to start.
     */
    private static String refusal(List<String> properties, Map<String, String> environment) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Dquarkus.http.port=0"));
        command.addAll(properties);
        command.addAll(List.of("-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("BOXOFFICE_AUTH_ENABLED");
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process service = builder.start();
        String output = new String(service.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(service.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(service.exitValue()).as(output).isNotZero();
        return output;
    }

    private static Map<String, String> without(String... names) {
        Map<String, String> environment = new HashMap<>();
        for (String name : names) {
            environment.put(name, null);
        }
        return environment;
    }

    @Test
    void withAuthenticationOnAndNoKeyTheServiceRefusesToStartNamingTheSetting() throws Exception {
        assertThat(refusal(List.of(), without("MP_JWT_VERIFY_PUBLICKEY_LOCATION")))
                .contains("mp.jwt.verify.publickey.location").contains("boxoffice.auth.enabled");
    }

    @Test
    void withAuthenticationOnAndNoTicketSigningKeyTheServiceRefusesToStartNamingTheSetting() throws Exception {
        assertThat(refusal(TOKEN_SETTINGS, without("BOXOFFICE_CHECKIN_SIGNING_KEY", "BOXOFFICE_WEBHOOKS_SECRET_KEY")))
                .contains("boxoffice.auth.enabled=true needs boxoffice.checkin.signing-key");
    }

    @Test
    void withAuthenticationOnAndNoWebhookSecretsKeyTheServiceRefusesToStartNamingTheSetting() throws Exception {
        Map<String, String> environment = without("BOXOFFICE_WEBHOOKS_SECRET_KEY");
        environment.put("BOXOFFICE_CHECKIN_SIGNING_KEY",
                Ed25519TicketCodes.pem(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate()));
        assertThat(refusal(TOKEN_SETTINGS, environment))
                .contains("boxoffice.auth.enabled=true needs boxoffice.webhooks.secret-key");
    }
}
