package org.boxoffice.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.boxoffice.security.SecretBox;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) running as a process of its own,
 * on the PostgreSQL store of the run's {@link TestDatabase}, as an instance of a deployment would.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String WEBHOOK_SECRETS_KEY = SecretBox.newKey();

    private final String name;
    private final String jdbcUrl;
    private final Map<String, String> settings;
    private Process process;
    /** The port the running process took (it binds port 0 itself). */
    private volatile int port;

    private ServiceProcess(String name, String jdbcUrl, Map<String, String> settings) {
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.settings = settings;
    }

    /** Starts an instance on a port of its choosing and waits until it is ready. */
    public static ServiceProcess start(String name) throws Exception {
        return start(name, TestDatabase.get().jdbcUrl());
    }

    /** Starts an instance that reaches the run's database through another URL (a proxy, say). */
    public static ServiceProcess start(String name, String jdbcUrl) throws Exception {
        return start(name, jdbcUrl, Map.of());
    }

    /** Starts an instance with these settings too, as environment variables ({@code BOXOFFICE_...}). */
    public static ServiceProcess start(String name, Map<String, String> settings) throws Exception {
        return start(name, TestDatabase.get().jdbcUrl(), settings);
    }

    /** Starts an instance that reaches the run's database through another URL, with these settings too. */
    public static ServiceProcess start(String name, String jdbcUrl, Map<String, String> settings) throws Exception {
        ServiceProcess instance = new ServiceProcess(name, jdbcUrl, settings);
        // A new log for a new instance; a restart after a kill appends to it.
        Files.deleteIfExists(Path.of("target", name + ".log"));
        instance.launch();
        return instance;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Kills the process as {@code kill -9} would: no shutdown hooks, no draining. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts the instance again, after {@link #kill}; {@link #uri} then points at its new port. */
    public void restart() throws Exception {
        launch();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private void launch() throws Exception {
        TestDatabase database = TestDatabase.get();
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("package the service first: " + jar + " is missing");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Path.of("target", name + ".log");
        long logged = Files.exists(log) ? Files.size(log) : 0;
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-Dquarkus.http.port=0", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("BOXOFFICE_STORE", "postgres");
        // Off (a production default changed): these process tests are about the store across instances, kills
        // and outages; authentication in the packaged artifact is the acceptance suite's (AccessAcceptanceIT).
        env.put("BOXOFFICE_AUTH_ENABLED", "false");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", database.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        // Webhook receivers in tests listen on loopback ports.
        env.put("BOXOFFICE_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        // One key for every instance, as a deployment shares one: a secret one seals, another opens.
        env.put("BOXOFFICE_WEBHOOKS_SECRET_KEY", WEBHOOK_SECRETS_KEY);
        env.putAll(settings);
        process = builder.start();
        port = StartLine.port(log, logged, process::isAlive, Duration.ofSeconds(90));
        awaitReady();
    }

    private void awaitReady() {
        Awaitility.await(name + " ready; see target/" + name + ".log").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .failFast(name + " exited; see target/" + name + ".log", () -> !process.isAlive())
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> HTTP.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }
}
