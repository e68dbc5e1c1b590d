package org.boxoffice.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A PgBouncer in transaction-pooling mode in front of the run's {@link TestDatabase}, as hundreds of
 * serverless instances would share a database through a pooler (RDS Proxy on AWS): each transaction
 * may run on another server connection, so nothing may outlive one, prepared statements included.
 * Started from Debian's {@code pgbouncer} package on a free port; the test fails, saying so, without it.
 */
public final class PgBouncer implements AutoCloseable {

    private static PgBouncer shared;

    private final Process process;
    private final String jdbcUrl;
    private final Path log;

    private PgBouncer(Process process, String jdbcUrl, Path log) {
        this.process = process;
        this.jdbcUrl = jdbcUrl;
        this.log = log;
    }

    /** The pooler of this test run, started on first use and stopped when the run ends. */
    public static synchronized PgBouncer get() {
        if (shared == null) {
            shared = start(TestDatabase.get());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** The run's database, reached through the pooler. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** What PgBouncer has logged so far. */
    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static PgBouncer start(TestDatabase database) {
        Path binary = Stream.concat(Stream.of(System.getenv("PATH").split(":")), Stream.of("/usr/sbin"))
                .map(dir -> Path.of(dir, "pgbouncer")).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("PgBouncer is not installed: apt-get install -y pgbouncer"));
        URI server = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        String name = server.getPath().substring(1);
        try {
            Path dir = Files.createTempDirectory("boxoffice-pgbouncer");
            int port = freePort();
            Path log = dir.resolve("pgbouncer.log");
            Path users = write(dir.resolve("users.txt"), "\"" + database.user() + "\" \"\"\n");
            Path ini = write(dir.resolve("pgbouncer.ini"), String.join("\n",
                    "[databases]",
                    name + " = host=" + server.getHost() + " port=" + server.getPort() + " dbname=" + name,
                    "[pgbouncer]",
                    "listen_addr = 127.0.0.1",
                    "listen_port = " + port,
                    "unix_socket_dir =",
                    "pool_mode = transaction",
                    "auth_type = trust",
                    "auth_file = " + users,
                    "max_client_conn = 500",
                    "default_pool_size = 20",
                    // pgjdbc sends it at every connection; PgBouncer would refuse the connection otherwise.
                    "ignore_startup_parameters = extra_float_digits",
                    "logfile = " + log,
                    ""));
            // PgBouncer refuses to run as root; the tests may (CI), so it then runs as nobody.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            List<String> command = new ArrayList<>(List.of(binary.toString()));
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("-u", "nobody"));
            }
            command.add(ini.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.txt").toFile())).start();
            awaitPort(process, port, dir);
            System.out.println("[pgbouncer] transaction pooling on 127.0.0.1:" + port + " in front of "
                    + server.getHost() + ":" + server.getPort() + "/" + name + " (logs in " + dir + ")");
            return new PgBouncer(process, "jdbc:postgresql://127.0.0.1:" + port + "/" + name, log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start PgBouncer", e);
        }
    }

    private static Path write(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        return file;
    }

    private static void awaitPort(Process process, int port, Path dir) {
        Awaitility.await("PgBouncer listening on " + port + "; see " + dir).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .failFast("PgBouncer exited; see " + dir.resolve("stdout.txt"), () -> !process.isAlive())
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    try (Socket probe = new Socket()) {
                        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                        return true;
                    }
                });
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
