package org.boxoffice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lambda migrate function against a stand-in Runtime API and a stand-in for CloudFormation's
 * pre-signed ResponseURL, with a shell command in the migrate command's place. (The harness,
 * deploy/lambda/harness/run-function-zip.sh, runs the real one from function-custom.zip.)
 */
class MigrateFunctionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private final HttpServer server = start();
    private final CompletableFuture<Answer> invocation = new CompletableFuture<>();
    private final CompletableFuture<Put> cloudFormation = new CompletableFuture<>();
    private volatile String event = "{}";
    private volatile long deadline = System.currentTimeMillis() + 600_000;
    private volatile int responseUrlStatus = 200;

    record Answer(String outcome, JsonNode body, String errorType) {
    }

    record Put(JsonNode body, String contentType) {
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aCreateEventMigratesAndTellsCloudFormationSuccess() throws Exception {
        event = customResource("Create", null);

        Answer answer = invoke(migrate("echo Migrated the schema from version 0 to 6; touch ran"));

        assertThat(answer.outcome()).isEqualTo("response");
        assertThat(answer.body().path("status").asText()).isEqualTo("SUCCESS");
        assertThat(answer.body().path("migrated").asBoolean()).isTrue();
        Put put = cloudFormation.get(10, TimeUnit.SECONDS);
        assertThat(put.contentType()).as("the pre-signed URL's signature covers no Content-Type").isNull();
        assertThat(put.body().path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(put.body().path("Reason").asText()).contains("Migrated the schema from version 0 to 6");
        assertThat(put.body().path("PhysicalResourceId").asText()).isEqualTo(MigrateFunction.PHYSICAL_ID);
        assertThat(put.body().path("StackId").asText()).isEqualTo("arn:aws:cloudformation:us-east-1:123456789012:stack/bo/1");
        assertThat(put.body().path("RequestId").asText()).isEqualTo("request-7");
        assertThat(put.body().path("LogicalResourceId").asText()).isEqualTo("SchemaMigration");
        assertThat(folder.resolve("ran")).exists();
    }

    @Test
    void anUpdateWhoseMigrationFailsTellsCloudFormationFailedWithTheErrorAndKeepsTheResourceId() throws Exception {
        event = customResource("Update", "boxoffice-schema");
        String longOutput = "x".repeat(5000);

        Answer answer = invoke(migrate("echo " + longOutput + "; echo 'ERROR: lock timeout on bookings' >&2; exit 1"));

        assertThat(answer.outcome()).as("the outcome went to CloudFormation: no retry").isEqualTo("response");
        Put put = cloudFormation.get(10, TimeUnit.SECONDS);
        assertThat(put.body().path("Status").asText()).isEqualTo("FAILED");
        assertThat(put.body().path("Reason").asText()).endsWith("ERROR: lock timeout on bookings")
                .hasSizeLessThanOrEqualTo(MigrateFunction.REASON_LIMIT);
        assertThat(put.body().toString()).hasSizeLessThan(4096);
        assertThat(put.body().path("PhysicalResourceId").asText()).isEqualTo("boxoffice-schema");
    }

    /** The production log is JSON, a stack trace per record: CloudFormation is told the errors and their causes. */
    @Test
    void aFailureLoggedAsJsonReachesCloudFormationAsTheErrorAndItsCauses() throws Exception {
        event = customResource("Create", null);
        String record = JSON.createObjectNode().put("level", "ERROR").put("message", "Failed to start application")
                .set("exception", JSON.createObjectNode().put("exceptionType", "java.lang.RuntimeException")
                        .put("message", "Failed to start quarkus").set("causedBy", JSON.createObjectNode()
                                .set("exception", JSON.createObjectNode().put("exceptionType", "org.postgresql.util.PSQLException")
                                        .put("message", "Connection to 127.0.0.1:1 refused.")
                                        .set("frames", JSON.createArrayNode().add("x".repeat(3000)))))).toString();
        Files.writeString(folder.resolve("log.json"), "{\"level\":\"WARN\",\"message\":\"a warning\"}\n" + record + "\n");

        invoke(migrate("cat log.json; exit 1"));

        assertThat(cloudFormation.get(10, TimeUnit.SECONDS).body().path("Reason").asText()).isEqualTo(
                "migrate exited 1: Failed to start application <- java.lang.RuntimeException: Failed to start quarkus"
                        + " <- org.postgresql.util.PSQLException: Connection to 127.0.0.1:1 refused.");
    }

    @Test
    void aDeleteEventLeavesTheSchemaAsItIsAndSucceeds() throws Exception {
        event = customResource("Delete", "boxoffice-schema");

        Answer answer = invoke(migrate("touch ran"));

        assertThat(answer.outcome()).isEqualTo("response");
        assertThat(answer.body().path("migrated").asBoolean()).isFalse();
        assertThat(cloudFormation.get(10, TimeUnit.SECONDS).body().path("Status").asText()).isEqualTo("SUCCESS");
        assertThat(folder.resolve("ran")).doesNotExist();
    }

    @Test
    void whenCloudFormationCannotBeToldTheInvocationFailsSoThatLambdaRetriesIt() throws Exception {
        event = customResource("Update", "boxoffice-schema");
        responseUrlStatus = 403;

        Answer answer = invoke(migrate("echo nothing to migrate"));

        assertThat(answer.outcome()).isEqualTo("error");
        assertThat(answer.errorType()).isEqualTo("ResponseNotDelivered");
        assertThat(answer.body().path("errorMessage").asText()).contains("HTTP 403");
    }

    @Test
    void aMigrationStillRunningAsTheDeadlineNearsIsStoppedAndReportedFailed() throws Exception {
        event = customResource("Update", "boxoffice-schema");
        deadline = System.currentTimeMillis() + MigrateFunction.ANSWER_MARGIN.toMillis() + 1000;

        long started = System.nanoTime();
        Answer answer = invoke(migrate("echo started; sleep 60"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(answer.outcome()).isEqualTo("response");
        Put put = cloudFormation.get(10, TimeUnit.SECONDS);
        assertThat(put.body().path("Status").asText()).isEqualTo("FAILED");
        assertThat(put.body().path("Reason").asText()).contains("did not finish within the function's timeout");
    }

    @Test
    void aDirectInvocationAnswersTheOutcomeOrAMigrationFailedError() throws Exception {
        Answer migrated = invoke(migrate("echo The schema is current at version 6"));
        assertThat(migrated.outcome()).isEqualTo("response");
        assertThat(migrated.body().path("migrated").asBoolean()).isTrue();
        assertThat(migrated.body().path("output").asText()).isEqualTo("The schema is current at version 6");
        assertThat(cloudFormation).isNotDone();
    }

    @Test
    void aDirectInvocationWhoseMigrationFailsAnswersMigrationFailed() throws Exception {
        Answer failed = invoke(migrate("echo 'no database'; exit 1"));

        assertThat(failed.outcome()).isEqualTo("error");
        assertThat(failed.errorType()).isEqualTo("MigrationFailed");
        assertThat(failed.body().path("errorMessage").asText()).isEqualTo("migrate exited 1: no database");
    }

    private List<String> migrate(String script) {
        return List.of("sh", "-c", "cd '" + folder + "' && " + script);
    }

    private Answer invoke(List<String> command) throws Exception {
        new MigrateFunction("127.0.0.1:" + server.getAddress().getPort(), command, Duration.ofMillis(10)).handleNext();
        return invocation.get(10, TimeUnit.SECONDS);
    }

    private String customResource(String type, String physicalId) {
        ObjectNode node = JSON.createObjectNode().put("RequestType", type)
                .put("ResponseURL", "http://127.0.0.1:" + server.getAddress().getPort() + "/cfn-response?X-Amz-Signature=s")
                .put("StackId", "arn:aws:cloudformation:us-east-1:123456789012:stack/bo/1")
                .put("RequestId", "request-7").put("LogicalResourceId", "SchemaMigration")
                .put("ResourceType", "Custom::SchemaMigration");
        node.putObject("ResourceProperties").put("ServiceToken", "arn:aws:lambda:us-east-1:123456789012:function:m");
        if (physicalId != null) {
            node.put("PhysicalResourceId", physicalId);
        }
        return node.toString();
    }

    private HttpServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/", this::handle);
            http.start();
            return http;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status = 202;
        byte[] reply = new byte[0];
        if (path.endsWith("/runtime/invocation/next")) {
            exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", "invocation-1");
            exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(deadline));
            status = 200;
            reply = event.getBytes(StandardCharsets.UTF_8);
        } else if (path.startsWith("/2018-06-01/runtime/invocation/invocation-1/")) {
            invocation.complete(new Answer(path.substring(path.lastIndexOf('/') + 1), JSON.readTree(body),
                    exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type")));
        } else if (path.equals("/cfn-response") && "PUT".equals(exchange.getRequestMethod())) {
            status = responseUrlStatus;
            if (status == 200) {
                cloudFormation.complete(new Put(JSON.readTree(body), exchange.getRequestHeaders().getFirst("Content-Type")));
            }
        } else {
            status = 404;
        }
        exchange.sendResponseHeaders(status, reply.length == 0 ? -1 : reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }
}
