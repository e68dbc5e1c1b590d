package org.boxoffice.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged service refuses to start with a setting out of range, and says which. */
class SettingsCheckIT {

    @Test
    void aSettingOutOfRangeStopsTheStartNamingIt() throws Exception {
        assertStartRefused("-Dboxoffice.max-seats-per-request=0",
                "boxoffice.max-seats-per-request is 0; it must be from 1 to 10000");
    }

    @Test
    void anUnknownStoreStopsTheStartNamingTheChoices() throws Exception {
        assertStartRefused("-Dboxoffice.store=mysql", "Cannot convert mysql to enum class"
                + " org.boxoffice.service.BoxOfficeConfig$StoreKind, allowed values: memory,postgres");
    }

    private static void assertStartRefused(String setting, String message) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process service = new ProcessBuilder(java, "-Dquarkus.http.port=0", "-Dboxoffice.auth.enabled=false",
                setting, "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString())
                .redirectErrorStream(true).start();
        String output = new String(service.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(service.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(service.exitValue()).as(output).isNotZero();
        assertThat(output).contains(message);
    }
}
