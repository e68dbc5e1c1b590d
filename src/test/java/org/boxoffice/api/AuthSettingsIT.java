package org.boxoffice.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged service with authentication on but no key to verify tokens, or none to sign tickets, refuses
 * to start, and says what is missing.
 */
class AuthSettingsIT {

    @Test
    void withAuthenticationOnAndNoKeyTheServiceRefusesToStartNamingTheSetting() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Dquarkus.http.port=0", "-jar",
                Path.of("target", "quarkus-app", "quarkus-run.jar").toString()).redirectErrorStream(true);
        builder.environment().remove("BOXOFFICE_AUTH_ENABLED");
        builder.environment().remove("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        Process service = builder.start();
        String output = new String(service.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(service.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(service.exitValue()).as(output).isNotZero();
        assertThat(output).contains("mp.jwt.verify.publickey.location").contains("boxoffice.auth.enabled");
    }

    @Test
    void withAuthenticationOnAndNoTicketSigningKeyTheServiceRefusesToStartNamingTheSetting() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Dquarkus.http.port=0",
                "-Dmp.jwt.verify.publickey.location=" + Path.of("src", "test", "resources", "publicKey.pem").toAbsolutePath(),
                "-Dmp.jwt.verify.issuer=https://issuer.boxoffice.test", "-Dmp.jwt.verify.audiences=boxoffice", "-jar",
                Path.of("target", "quarkus-app", "quarkus-run.jar").toString()).redirectErrorStream(true);
        builder.environment().remove("BOXOFFICE_AUTH_ENABLED");
        builder.environment().remove("BOXOFFICE_CHECKIN_SIGNING_KEY");
        Process service = builder.start();
        String output = new String(service.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(service.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(service.exitValue()).as(output).isNotZero();
        assertThat(output).contains("boxoffice.auth.enabled=true needs boxoffice.checkin.signing-key");
    }
}
