package org.boxoffice.acceptance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.boxoffice.testing.StartLine;


/** Starting and stopping the artifacts' processes, in one place for every kind. */
final class Processes {

    /**
     * Settings of the machine running the tests that would reach the artifact too: a deployment gives it
     * only what {@link Deployment} passes, so these are dropped from the inherited environment.
     */
    private static final List<String> NOT_INHERITED = List.of("BOXOFFICE_", "QUARKUS_", "MP_", "SMALLRYE_",
            "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "AWS_");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Processes() {
    }

    /** A process builder whose environment is this machine's, less its Box Office, Quarkus and JVM settings. */
    static ProcessBuilder builder(List<String> command, Map<String, String> settings) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(key -> NOT_INHERITED.stream().anyMatch(key::startsWith));
        builder.environment().putAll(settings);
        return builder;
    }

    /** Runs a command to its end (at most {@code timeout}) and returns what it printed. */
    static Artifact.Finished run(ProcessBuilder builder, Duration timeout) throws IOException, InterruptedException {
        Process process = builder.redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(builder.command() + " did not end within " + timeout);
        }
        return new Artifact.Finished(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** Waits until {@code uri} answers HTTP at all, while {@code alive} says the artifact still runs. */
    static void awaitAnswer(URI uri, java.util.function.BooleanSupplier alive, Path log, String name) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .failFast("stopped while starting", () -> !alive.getAsBoolean())
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.discarding()) != null);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new IllegalStateException(name + " did not answer: " + e.getMessage() + "\n" + tail(log), e);
        }
    }

    /** SIGTERM, then a kill if it has not stopped within 20 s. */
    static void stop(ProcessHandle process) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            process.onExit().get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** The port a service started with {@code QUARKUS_HTTP_PORT=0} took ({@link StartLine}). */
    static int listeningPort(Path log, java.util.function.BooleanSupplier alive, String name) {
        try {
            return StartLine.port(log, 0, alive, Duration.ofSeconds(120));
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new IllegalStateException(name + " did not start listening: " + e.getMessage() + "\n" + tail(log), e);
        }
    }

    /** The last lines of a log, for a failure's message. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    /** The java of this test run, which the jar and the Lambda runtime's client are started with. */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

}
