package org.boxoffice.acceptance;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The container image, run with podman locked down as the Knative manifests run it: a read-only root
 * file system with {@code /tmp} alone writable, every capability dropped, no privilege escalation, the
 * image's own non-root user, 512 MiB. Podman here needs the runc runtime, the cgroupfs manager, the
 * host's network and the machine's own ulimits (deploy/container/podman.sh says why). A setting that
 * names a file of this machine (the token verification key) has that file mounted read-only at the same
 * path, as a deployment mounts a secret.
 */
final class ContainerArtifact implements Artifact {

    private static final List<String> PODMAN = List.of("podman", "--runtime", "runc", "--cgroup-manager=cgroupfs");
    private static final List<String> LOCKED_DOWN = List.of("--read-only", "--read-only-tmpfs=false",
            "--tmpfs", "/tmp:rw,size=64m", "--cap-drop=ALL", "--security-opt", "no-new-privileges",
            "--memory", "512m", "--memory-swap", "512m");

    private final String image;

    ContainerArtifact(String image) {
        this.image = image;
    }

    @Override
    public String name() {
        return "the container image " + image;
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
        String container = "boxoffice-acceptance-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> environment = new java.util.HashMap<>(settings);
        environment.put("QUARKUS_HTTP_PORT", "0");
        Finished started = Processes.run(Processes.builder(command(List.of("run", "-d", "--name", container),
                environment, List.of()), Map.of()), Duration.ofMinutes(1));
        if (started.status() != 0) {
            throw new IllegalStateException("podman run failed: " + started.output());
        }
        Files.deleteIfExists(log);
        Process logs = Processes.builder(concat(PODMAN, List.of("logs", "-f", container)), Map.of())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int port = Processes.listeningPort(log, () -> running(container), name());
        URI base = URI.create("http://127.0.0.1:" + port);
        Processes.awaitAnswer(base.resolve("/q/health/live"), () -> running(container), log, name());
        return new Running() {
            @Override
            public URI uri(String path) {
                return base.resolve(path);
            }

            @Override
            public void close() throws Exception {
                Processes.run(Processes.builder(concat(PODMAN, List.of("stop", "-t", "10", container)), Map.of()),
                        Duration.ofMinutes(1));
                logs.waitFor();
                Processes.run(Processes.builder(concat(PODMAN, List.of("rm", "-f", container)), Map.of()),
                        Duration.ofMinutes(1));
            }
        };
    }

    @Override
    public Finished run(Map<String, String> settings, String... arguments) throws Exception {
        return Processes.run(Processes.builder(command(List.of("run", "--rm"), settings, List.of(arguments)),
                Map.of()), Duration.ofMinutes(2));
    }

    /** {@code podman run ...} with the lockdown, the settings as {@code -e} and the files they name mounted. */
    private List<String> command(List<String> run, Map<String, String> settings, List<String> arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(concat(PODMAN, run));
        command.addAll(List.of("--network", "host", "--ulimit", "nofile=" + hardFileLimit() + ":" + hardFileLimit(),
                "--ulimit", "nproc=4096:4096"));
        command.addAll(LOCKED_DOWN);
        settings.forEach((key, value) -> {
            command.addAll(List.of("-e", key + "=" + value));
            if (value.startsWith("/") && Files.isRegularFile(Path.of(value))) {
                command.addAll(List.of("-v", value + ":" + value + ":ro"));
            }
        });
        command.add(image);
        command.addAll(arguments);
        return command;
    }

    private static boolean running(String container) {
        try {
            Finished state = Processes.run(Processes.builder(concat(PODMAN,
                    List.of("inspect", container, "--format", "{{.State.Running}}")), Map.of()), Duration.ofSeconds(30));
            return state.output().trim().equals("true");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String hardFileLimit() throws IOException, InterruptedException {
        return Processes.run(new ProcessBuilder("bash", "-c", "ulimit -Hn"), Duration.ofSeconds(10)).output().trim();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
