package org.boxoffice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of the packages (docs/architecture.md, Layout), as a test: the rules stay plain Java, and
 * adapters depend inward only.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.boxoffice");
    }

    @Test
    void theDomainImportsNothingButTheJdk() {
        noClasses().that().resideInAPackage("org.boxoffice.domain..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.boxoffice.domain..", "java..")
                .check(classes);
    }

    @Test
    void theDomainKnowsNoFrameworkWebJsonOrDatabase() {
        noClasses().that().resideInAPackage("org.boxoffice.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "javax..",
                        "com.fasterxml.jackson..", "java.sql..", "org.postgresql..")
                .check(classes);
    }

    /** The rules speak neither HTTP nor the network: hosts, addresses and responses are the adapters' to know. */
    @Test
    void theDomainKnowsNeitherTheApiNorTheNetwork() {
        noClasses().that().resideInAPackage("org.boxoffice.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net..", "jakarta.ws..")
                .check(classes);
    }

    @Test
    void useCasesDependOnTheDomainNotOnAdapters() {
        noClasses().that().resideInAPackage("org.boxoffice.service..")
                .should().dependOnClassesThat().resideInAnyPackage("org.boxoffice.api..", "org.boxoffice.store..",
                        "org.boxoffice.notify..", "org.boxoffice.cli..", "jakarta.ws.rs..", "java.sql..",
                        "java.net.http..")
                .check(classes);
    }

    @Test
    void storesDependOnTheDomainOnly() {
        noClasses().that().resideInAPackage("org.boxoffice.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.boxoffice.api..", "org.boxoffice.service..",
                        "org.boxoffice.notify..", "org.boxoffice.cli..", "jakarta.ws.rs..")
                .check(classes);
    }

    /** The courier sends what it is given: it decides nothing about the API, the stores or the use cases. */
    @Test
    void theCourierDependsOnTheDomainOnly() {
        noClasses().that().resideInAPackage("org.boxoffice.notify..")
                .should().dependOnClassesThat().resideInAnyPackage("org.boxoffice.api..", "org.boxoffice.store..",
                        "org.boxoffice.cli..", "jakarta.ws.rs..", "java.sql..")
                .check(classes);
    }

    @Test
    void theApiNeverReachesIntoAStore() {
        noClasses().that().resideInAnyPackage("org.boxoffice.api..", "org.boxoffice.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.boxoffice.store..")
                .check(classes);
    }

    /**
     * The HTTP edge (limits, problem documents, exception mapping, callers) serves the resources and knows
     * none of them: {@code api.http} never reaches up into {@code api}.
     */
    @Test
    void theHttpEdgeKnowsNoResource() {
        noClasses().that().resideInAPackage("org.boxoffice.api.http..")
                .should().dependOnClassesThat().resideInAPackage("org.boxoffice.api")
                .check(classes);
    }

    /** Subscriptions and their deliveries build on the booking rules; those know nothing of webhooks. */
    @Test
    void theCoreRulesKnowNoWebhook() {
        noClasses().that().resideInAPackage("org.boxoffice.domain")
                .should().dependOnClassesThat().resideInAPackage("org.boxoffice.domain.webhooks..")
                .check(classes);
    }
}
