package org.boxoffice.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.boxoffice.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every migration after the released V1-V6 keeps a live database serving while it runs: squawk (the
 * PostgreSQL migration linter, configured in {@code .squawk.toml}) finds nothing in it, and it changes
 * no rows beside its schema changes. The rules for contributors: docs/migrations.md. Samples under
 * src/test/resources/db/squawk show that the check refuses what it must and lets the right way through.
 */
class MigrationLintTest {

    private static final String SQUAWK = "squawk-cli@2.66.0";
    /** The migrations released before the rule: they stay as they are. */
    private static final int LAST_UNLINTED_VERSION = 6;
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path SAMPLES = Path.of("src/test/resources/db/squawk");
    private static final Pattern VERSION = Pattern.compile("V(\\d+)__\\w+\\.sql");
    /** Our own rule, which squawk has not: a data change beside schema changes, in one transaction. */
    private static final String BACKFILL_BESIDE_DDL = "backfill-beside-ddl";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyMigrationAfterTheReleasedOnesPassesTheLinter() throws Exception {
        for (Path migration : migrations(MIGRATIONS)) {
            if (version(migration) > LAST_UNLINTED_VERSION) {
                assertThat(problems(migration)).as("%s (docs/migrations.md says how)", migration).isEmpty();
            }
        }
    }

    @Test
    void aMigrationThatWouldBlockALiveTableIsRefusedForEachOfItsFaults() throws Exception {
        List<String> found = problems(SAMPLES.resolve("refused/V7__lock_the_bookings.sql"));

        assertThat(found.stream().map(problem -> problem.substring(0, problem.indexOf(' '))).distinct())
                .containsExactlyInAnyOrder("require-lock-timeout", "require-statement-timeout",
                        "require-concurrent-index-creation", "constraint-missing-not-valid", "adding-field-with-default",
                        "changing-column-type", "prefer-text-field", BACKFILL_BESIDE_DDL);
    }

    @Test
    void constraintValidatedInTheTransactionThatAddedItIsRefused(@TempDir Path folder) throws Exception {
        Path sample = folder.resolve("V7__add_and_validate.sql");
        Files.writeString(sample, """
                SET lock_timeout = '5s';
                SET statement_timeout = '30s';
                ALTER TABLE bookings ADD CONSTRAINT bookings_customer_named CHECK (customer <> '') NOT VALID;
                ALTER TABLE bookings VALIDATE CONSTRAINT bookings_customer_named;
                """);

        assertThat(problems(sample)).anyMatch(problem -> problem.startsWith("constraint-missing-not-valid "));
    }

    /** The samples that pass are the ones docs/migrations.md shows; Flyway applies them on today's schema. */
    @Test
    void theZeroDowntimeWayPassesTheLinterAndFlywayAppliesItOnTheCurrentSchema() throws Exception {
        List<Path> accepted = migrations(SAMPLES.resolve("accepted"));
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(3);
        for (Path sample : accepted) {
            assertThat(problems(sample)).as(sample.toString()).isEmpty();
        }

        TestDatabase database = TestDatabase.get();
        String url = database.createEmptyDatabase();
        database.migrate(url);
        // Their own history table: sample versions may coincide with real ones.
        FluentConfiguration samples = Flyway.configure().dataSource(url, database.user(), database.password())
                .locations("filesystem:" + SAMPLES.resolve("accepted")).table("squawk_samples_history")
                .baselineOnMigrate(true).baselineVersion("0");
        // As the service configures Flyway: with Flyway's default lock, the concurrent index waits for ever.
        new FlywaySessionLock().customize(samples);
        MigrateResult applied = samples.load().migrate();
        assertThat(applied.migrationsExecuted).isEqualTo(accepted.size());
    }

    /** Squawk's findings ({@code rule line: message}) and ours for one migration file. */
    private static List<String> problems(Path migration) throws IOException, InterruptedException {
        String sql = Files.readString(migration);
        List<String> found = new ArrayList<>(squawk(migration, !nonTransactional(sql)));
        if (!nonTransactional(sql) && changesRows(sql) && changesSchema(sql)) {
            found.add(BACKFILL_BESIDE_DDL + " 0: rows are changed in the transaction that changes the schema;"
                    + " put the data change in a script of its own");
        }
        return found;
    }

    private static List<String> squawk(Path migration, boolean inTransaction) throws IOException, InterruptedException {
        Path report = Path.of("target", "squawk-" + migration.getFileName() + ".json");
        Path log = Path.of("target", "squawk-" + migration.getFileName() + ".log");
        Files.createDirectories(report.getParent());
        ProcessBuilder command = new ProcessBuilder("npx", "--yes", SQUAWK, "--config", ".squawk.toml", "--reporter",
                "json", inTransaction ? "--assume-in-transaction" : "--no-assume-in-transaction", migration.toString())
                .redirectOutput(report.toFile())
                .redirectError(log.toFile());
        Process process;
        try {
            process = command.start();
        } catch (IOException e) {
            throw new AssertionError("Linting migrations needs npx, from Node.js with npm (on Debian: apt-get install"
                    + " nodejs npm); it could not be run: " + e.getMessage(), e);
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("squawk did not finish within 5 minutes; see " + log);
        }
        JsonNode result;
        try {
            result = JSON.readTree(report.toFile());
        } catch (IOException e) {
            result = null;
        }
        if (result == null || !result.isArray()) {
            fail("npx " + SQUAWK + " exited with " + process.exitValue() + " and no report (it needs the npm registry"
                    + " the first time):\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        List<String> found = new ArrayList<>();
        result.forEach(problem -> found.add(problem.path("rule_name").asText() + " " + (problem.path("line").asInt() + 1)
                + ": " + problem.path("message").asText()));
        return found;
    }

    /** Flyway runs a script of only non-transactional statements outside a transaction. */
    private static boolean nonTransactional(String sql) {
        return statements(sql).anyMatch(statement -> statement.contains(" CONCURRENTLY "));
    }

    private static boolean changesRows(String sql) {
        return statements(sql).anyMatch(statement -> statement.matches("(UPDATE|DELETE|INSERT|MERGE) .*"));
    }

    private static boolean changesSchema(String sql) {
        return statements(sql).anyMatch(statement -> statement.matches("(ALTER|CREATE|DROP|RENAME) .*"));
    }

    /** The statements, upper case on one line each, without comments or dollar-quoted bodies. */
    private static Stream<String> statements(String sql) {
        String bare = sql.replaceAll("(?s)\\$(\\w*)\\$.*?\\$\\1\\$", "''")
                .replaceAll("(?s)/\\*.*?\\*/", " ")
                .replaceAll("--[^\\n]*", " ");
        return Stream.of(bare.split(";")).map(statement -> statement.replaceAll("\\s+", " ").strip()
                .toUpperCase(Locale.ROOT) + " ").filter(statement -> !statement.isBlank());
    }

    private static List<Path> migrations(Path folder) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(path -> VERSION.matcher(path.getFileName().toString()).matches())
                    .sorted().toList();
        }
    }

    private static int version(Path migration) {
        Matcher version = VERSION.matcher(migration.getFileName().toString());
        assertThat(version.matches()).isTrue();
        return Integer.parseInt(version.group(1));
    }
}
