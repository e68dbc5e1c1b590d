package org.boxoffice.acceptance;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged service, {@code target/quarkus-app/quarkus-run.jar}, run as the README says:
 * {@code java -jar quarkus-run.jar [command]}, with no JVM options of ours. Also the executable of a
 * native build ({@code target/*-runner}), which takes the same arguments and settings.
 */
final class JarArtifact implements Artifact {

    private final String name;
    private final List<String> launcher;

    private JarArtifact(String name, List<String> launcher) {
        this.name = name;
        this.launcher = launcher;
    }

    static JarArtifact jar() {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("package the service first: " + jar + " is missing");
        }
        return new JarArtifact("the jar", List.of(Processes.java(), "-jar", jar.toString()));
    }

    /** The native executable, {@code target/boxoffice-*-runner} ({@code ./mvnw package -Dnative}). */
    static JarArtifact nativeExecutable() throws java.io.IOException {
        Path target = Path.of("target").toAbsolutePath();
        try (var files = Files.newDirectoryStream(target, "*-runner")) {
            for (Path executable : files) {
                if (Files.isExecutable(executable)) {
                    return new JarArtifact("the native executable", List.of(executable.toString()));
                }
            }
        }
        throw new IllegalStateException("build the native executable first (./mvnw package -Dnative): no "
                + target + "/*-runner");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean migratesAtStart() {
        return true;
    }

    @Override
    public boolean limitsCallersItself() {
        return true;
    }

    @Override
    public boolean runsBetweenRequests() {
        return true;
    }

    @Override
    public boolean servesHttpItself() {
        return true;
    }

    @Override
    public boolean hasCommandLine() {
        return true;
    }

    @Override
    public Running start(Map<String, String> settings, Path log) throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(settings);
        environment.put("QUARKUS_HTTP_PORT", "0");
        Files.deleteIfExists(log);
        Process process = Processes.builder(launcher, environment).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        int port = Processes.listeningPort(log, process::isAlive, name);
        URI base = URI.create("http://127.0.0.1:" + port);
        Processes.awaitAnswer(base.resolve("/q/health/live"), process::isAlive, log, name);
        return new Running() {
            @Override
            public URI uri(String path) {
                return base.resolve(path);
            }

            @Override
            public void close() throws Exception {
                Processes.stop(process.toHandle());
            }
        };
    }

    @Override
    public Finished run(Map<String, String> settings, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(arguments));
        return Processes.run(Processes.builder(command, settings), Duration.ofMinutes(2));
    }
}
