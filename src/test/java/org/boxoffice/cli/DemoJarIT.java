package org.boxoffice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar's demo mode, run exactly as the README says. While it runs, this test holds the
 * HTTP port itself: a demo that tried to open it would fail to start.
 */
class DemoJarIT {

    @Test
    void theDemoRunsFromThePackagedJarWithoutOpeningAPort() throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertThat(jar).exists();
        String java = ProcessHandle.current().info().command().orElse("java");

        try (ServerSocket occupied = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
            Process demo = new ProcessBuilder(java, "-Dquarkus.http.port=" + occupied.getLocalPort(), "-jar",
                    jar.toString(), "demo")
                    .redirectErrorStream(true)
                    .start();
            String output = readAll(demo);

            assertThat(demo.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(demo.exitValue()).as(output).isZero();
            assertThat(output).contains("Demo finished").doesNotContain("Port already bound")
                    .doesNotContain("Listening on");
        }
    }

    private static String readAll(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
