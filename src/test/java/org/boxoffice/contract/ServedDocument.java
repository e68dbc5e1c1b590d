package org.boxoffice.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The OpenAPI document the test application serves: saved under {@code target/openapi/} for a person
 * (or Redocly) to read, linted by Redocly CLI, and compared with the committed contract.
 */
final class ServedDocument {

    /** The committed contract: the document as served with authentication on. */
    static final Path CONTRACT = Path.of("src", "main", "openapi", "openapi.json");

    private static final Path DIRECTORY = Path.of("target", "openapi");
    /** Pinned, so that a new release's rules cannot fail a build nobody changed; runs on Node.js 20.19+. */
    private static final String REDOCLY = "@redocly/cli@2.77.0";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ServedDocument() {
    }

    /** Fetches the served document and saves it as {@code target/openapi/fileName}. */
    static Path save(String fileName) throws IOException {
        String served = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Files.createDirectories(DIRECTORY);
        return Files.writeString(DIRECTORY.resolve(fileName), pretty(JSON.readTree(served)));
    }

    static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    /**
     * Sorted keys, one array element a line, and a final newline: the same document is always the same
     * text, so a change to the contract shows as a small diff.
     */
    private static String pretty(JsonNode document) throws IOException {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        // As a map, whose entries the mapper sorts; a tree keeps the order the server wrote.
        return JSON.writer(printer).writeValueAsString(JSON.treeToValue(document, Object.class)) + "\n";
    }

    /** Where {@code actual} differs from {@code expected}, as JSON pointers with both values. */
    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> found = new ArrayList<>();
        collectDifferences("", expected, actual, found);
        return found;
    }

    private static void collectDifferences(String pointer, JsonNode expected, JsonNode actual, List<String> found) {
        if (expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                collectDifferences(pointer + "/" + name.replace("~", "~0").replace("/", "~1"), expected.path(name),
                        actual.path(name), found);
            }
        } else {
            found.add(pointer + ": committed " + shortly(expected) + ", served " + shortly(actual));
        }
    }

    private static String shortly(JsonNode value) {
        String text = value.isMissingNode() ? "nothing" : value.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }

    /**
     * Fails unless Redocly CLI's {@code recommended} ruleset finds neither an error nor a warning in the
     * document. Redocly's full report is kept beside the document ({@code .lint.json}).
     */
    static void assertLintsClean(Path document) throws IOException, InterruptedException {
        Path report = Path.of(document + ".lint.json");
        Path log = Path.of(document + ".lint.log");
        ProcessBuilder lint = new ProcessBuilder("npx", "--yes", REDOCLY, "lint", "--format=json", document.toString())
                .redirectOutput(report.toFile())
                .redirectError(log.toFile());
        lint.environment().put("REDOCLY_TELEMETRY", "off");
        Process process;
        try {
            process = lint.start();
        } catch (IOException e) {
            throw new AssertionError("Linting the OpenAPI document needs npx, from Node.js 20.19 or later with npm"
                    + " (on Debian: apt-get install nodejs npm); it could not be run: " + e.getMessage(), e);
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("Redocly CLI did not finish within 5 minutes; see " + log);
        }
        JsonNode result;
        try {
            result = JSON.readTree(report.toFile());
        } catch (IOException e) {
            result = null;
        }
        if (result == null || !result.has("totals")) {
            fail("npx " + REDOCLY + " exited with " + process.exitValue() + " and no report (it needs Node.js 20.19"
                    + " or later, and the npm registry the first time):\n" + Files.readString(log));
        }
        int errors = result.path("totals").path("errors").asInt();
        int warnings = result.path("totals").path("warnings").asInt();
        System.out.printf("%s lint %s: errors %d, warnings %d%n", REDOCLY, document, errors, warnings);
        List<String> problems = new ArrayList<>();
        result.path("problems").forEach(problem -> problems.add(problem.path("severity").asText() + " "
                + problem.path("ruleId").asText() + " at " + problem.path("location").path(0).path("pointer").asText()
                + ": " + problem.path("message").asText()));
        assertThat(problems).as("Redocly's recommended rules on %s (full report: %s)", document, report).isEmpty();
    }
}
