package org.boxoffice.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashMap;
import java.util.Map;
import org.boxoffice.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The artifact's commands with the settings a deployment gives it: {@code migrate} (a deploy step; on
 * Lambda, the migrate function), {@code demo}; and a start refused for a missing setting, in one line.
 */
class CommandsAcceptanceIT extends AcceptanceTest {

    @Test
    void migrateBringsANewDatabaseToTheCurrentSchemaOnceAndSaysSo() throws Exception {
        assumeTrue(DEPLOYMENT.onPostgres(), "migrate is the PostgreSQL deployment's step");
        Map<String, String> settings = new HashMap<>(DEPLOYMENT.settings());
        settings.putAll(Deployment.database(TestDatabase.get().createEmptyDatabase()));
        settings.put("BOXOFFICE_STORE", "postgres");

        Artifact.Finished first = DEPLOYMENT.artifact().run(settings, "migrate");
        assertThat(first.status()).as(first.output()).isZero();
        assertThat(first.output()).contains("Migrated the schema from version 0 to");
        Artifact.Finished again = DEPLOYMENT.artifact().run(settings, "migrate");
        assertThat(again.status()).as(again.output()).isZero();
        assertThat(again.output()).contains("nothing to migrate");
        assertThat(first.output() + again.output()).doesNotContain("Authentication is OFF");
    }

    @Test
    void theDemoRunsTheSeedsScenario() throws Exception {
        assumeTrue(DEPLOYMENT.artifact().hasCommandLine(), "a Lambda function has no command line");
        Artifact.Finished demo = DEPLOYMENT.artifact().run(DEPLOYMENT.settings(), "demo");
        assertThat(demo.status()).as(demo.output()).isZero();
        assertThat(demo.output()).contains("Box Office demo").contains("booking_id").doesNotContain("Authentication is OFF");
    }

    @ParameterizedTest
    @CsvSource({"MP_JWT_VERIFY_ISSUER, mp.jwt.verify.issuer", "MP_JWT_VERIFY_AUDIENCES, mp.jwt.verify.audiences"})
    void aMissingSettingStopsTheStartWithOneLineNamingIt(String variable, String setting) throws Exception {
        assumeTrue(DEPLOYMENT.artifact().hasCommandLine(), "on Lambda a failed start is the runtime's init error");
        Map<String, String> settings = new HashMap<>(DEPLOYMENT.settings());
        settings.remove(variable);
        settings.put("QUARKUS_HTTP_PORT", "0");

        Artifact.Finished refused = DEPLOYMENT.artifact().run(settings);
        assertThat(refused.status()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains(setting).doesNotContain("\tat ")
                .doesNotContain("Exception").doesNotContain("\"frames\"");
        assertThat(refused.output().strip().lines().filter(line -> line.contains(setting))).hasSize(1);
    }
}
