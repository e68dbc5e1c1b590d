package org.boxoffice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.boxoffice.store.postgres.SchemaCheck;
import org.boxoffice.testing.ServiceProcess;
import org.boxoffice.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar quarkus-run.jar migrate}, as a deploy step runs it: migrates an empty database, then
 * leaves it be; and the jar's own migration at start on a schema a newer release migrated.
 */
class MigrateJarIT {

    @Test
    void migrateAppliesEveryMigrationOnceAndExits() throws Exception {
        String url = TestDatabase.get().createEmptyDatabase();

        Result first = migrate(url);
        assertThat(first.exitCode).as(first.output).isZero();
        int newest = SchemaCheck.REQUIRED_VERSION;
        // Versions may skip a number (one taken by work not merged yet): count the scripts themselves.
        long scripts;
        try (Stream<Path> files = Files.list(Path.of("src", "main", "resources", "db", "migration"))) {
            scripts = files.filter(file -> file.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        }
        assertThat(first.output).contains("Migrated the schema from version 0 to " + newest + " (" + scripts
                + " migrations).")
                .doesNotContain("Listening on");

        Result again = migrate(url);
        assertThat(again.exitCode).as(again.output).isZero();
        assertThat(again.output).contains("The schema is current at version " + newest + "; nothing to migrate.");
    }

    /**
     * A release migrates before its code serves: meanwhile an instance of the previous release, migrating
     * at start as the plain jar does, may (re)start on the newer schema and must serve on it.
     */
    @Test
    void anInstanceMigratingAtStartServesOnASchemaANewerReleaseMigrated() throws Exception {
        String url = TestDatabase.get().createEmptyDatabase();
        assertThat(migrate(url).exitCode).isZero();
        int newer = SchemaCheck.REQUIRED_VERSION + 1;
        try (Connection c = DriverManager.getConnection(url, TestDatabase.get().user(), TestDatabase.get().password());
                Statement insert = c.createStatement()) {
            insert.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (" + newer + ", '" + newer
                    + "', 'a newer release', 'SQL', 'V" + newer + "__a_newer_release.sql', 1, 'postgres', 1, true)");
        }

        try (ServiceProcess instance = ServiceProcess.start("newer-schema", url, Map.of())) {
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(instance.uri("/events"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Newer\",\"date_time\":\"2030-01-01 19:00\","
                            + "\"venue\":\"Hall\",\"total_seats\":5}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
    }

    @Test
    void migrateWithoutADatabaseSaysWhatToSet() throws Exception {
        Result result = run(new ProcessBuilder(java(), "-jar", jar(), "migrate"));

        assertThat(result.exitCode).as(result.output).isEqualTo(1);
        assertThat(result.output).contains("QUARKUS_DATASOURCE_JDBC_URL");
    }

    private static Result migrate(String url) throws Exception {
        ProcessBuilder command = new ProcessBuilder(java(), "-jar", jar(), "migrate");
        command.environment().put("QUARKUS_DATASOURCE_JDBC_URL", url);
        command.environment().put("QUARKUS_DATASOURCE_USERNAME", TestDatabase.get().user());
        command.environment().put("QUARKUS_DATASOURCE_PASSWORD", TestDatabase.get().password());
        return run(command);
    }

    private static Result run(ProcessBuilder command) throws IOException, InterruptedException {
        Process process = command.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String jar() {
        return Path.of("target", "quarkus-app", "quarkus-run.jar").toString();
    }

    private record Result(int exitCode, String output) {
    }
}
