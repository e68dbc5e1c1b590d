package org.boxoffice.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.boxoffice.testing.PgBouncer;
import org.boxoffice.testing.ServiceProcess;
import org.junit.jupiter.api.AfterAll;

/**
 * The multi-instance tests again, every instance reaching the database through PgBouncer in
 * transaction-pooling mode, with nothing but its JDBC URL changed: how hundreds of serverless
 * instances share one database. No answer may be lost and no seat sold twice, and neither PgBouncer
 * nor any instance may log a prepared-statement error.
 */
class PgBouncerIT extends MultiInstanceIT {

    private static final String PREFIX = "pgbouncer-";

    @Override
    protected ServiceProcess startInstance(String name) throws Exception {
        // Not migrating at start, as instances behind a pooler are deployed: Flyway's session lock needs one
        // server connection for the whole migration, which transaction pooling does not give (FlywaySessionLock).
        return ServiceProcess.start(PREFIX + name, PgBouncer.get().jdbcUrl(),
                Map.of("QUARKUS_FLYWAY_MIGRATE_AT_START", "false"));
    }

    @AfterAll
    static void nothingLoggedAPreparedStatementError() throws IOException {
        assertThat(PgBouncer.get().log()).doesNotContainIgnoringCase("prepared statement");
        try (Stream<Path> logs = Files.list(Path.of("target"))) {
            List<Path> instances = logs.filter(log -> log.getFileName().toString().startsWith(PREFIX)).toList();
            assertThat(instances).isNotEmpty();
            for (Path log : instances) {
                assertThat(Files.readString(log)).as(log.toString()).doesNotContainIgnoringCase("prepared statement");
            }
        }
    }
}
