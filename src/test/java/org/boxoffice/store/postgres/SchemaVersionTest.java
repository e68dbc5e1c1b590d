package org.boxoffice.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The schema version the service checks for is the newest migration's, so a new migration cannot be forgotten. */
class SchemaVersionTest {

    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__\\w+\\.sql");
    /** A script's own Flyway settings beside it (for example to run outside a transaction). */
    private static final Pattern SCRIPT_SETTINGS = Pattern.compile("V(\\d+)__\\w+\\.sql\\.conf");

    @Test
    void theRequiredVersionIsTheNewestMigration() throws IOException {
        List<String> files;
        try (Stream<Path> listing = Files.list(Path.of("src/main/resources/db/migration"))) {
            files = listing.map(path -> path.getFileName().toString()).sorted().toList();
        }
        assertThat(files).isNotEmpty().allMatch(name -> MIGRATION.matcher(name).matches()
                || SCRIPT_SETTINGS.matcher(name).matches() && files.contains(name.replaceFirst("\\.conf$", "")),
                "named V<number>__<words>.sql, or that and .conf beside its script");
        int newest = files.stream().map(MIGRATION::matcher).filter(Matcher::matches)
                .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();

        assertThat(SchemaCheck.REQUIRED_VERSION).isEqualTo(newest);
    }
}
