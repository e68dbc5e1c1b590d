package org.boxoffice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The AWS Lambda migrate function of the custom runtime (its bootstrap runs this for the handler
 * {@code migrate}, with the migrate command line as arguments): for each invocation it runs that command
 * as a process of its own and answers through the Lambda Runtime API.
 *
 * <ul>
 * <li>Invoked by hand ({@code aws lambda invoke}): answers {@code {"migrated": true, "output": ...}}, or
 * the error {@code MigrationFailed} with the command's output.</li>
 * <li>Invoked by CloudFormation for a custom resource (the SAM template orders one before the function's
 * new version, so no new code serves before its migrations ran): {@code Create} and {@code Update}
 * migrate, {@code Delete} leaves the schema as it is (migrations are never undone); the outcome is PUT,
 * {@code SUCCESS} or {@code FAILED}, to the event's pre-signed {@code ResponseURL}, which is all
 * CloudFormation reads. The invocation itself then succeeds, so Lambda does not retry it; only if the
 * PUT fails does it answer an error, and Lambda's retry migrates (finding nothing left) and PUTs again.</li>
 * </ul>
 *
 * A migration still running when the invocation's deadline nears is stopped and reported as failed, so
 * CloudFormation hears of it instead of waiting for its own timeout. Plain Java, no Quarkus: the command
 * starts Quarkus, with its settings, once per invocation.
 */
public final class MigrateFunction {

    /** Time kept back from the invocation's deadline to stop the command and answer. */
    static final Duration ANSWER_MARGIN = Duration.ofSeconds(20);
    /** CloudFormation refuses a response over 4,096 bytes; the reason is the output's end, where errors are. */
    static final int REASON_LIMIT = 1500;
    static final String PHYSICAL_ID = "boxoffice-schema";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI runtimeApi;
    private final List<String> command;
    private final Duration retryPause;
    private final HttpClient http;

    MigrateFunction(String runtimeApi, List<String> command, Duration retryPause) {
        this.runtimeApi = URI.create("http://" + runtimeApi + "/2018-06-01/runtime/invocation/");
        this.command = List.copyOf(command);
        this.retryPause = retryPause;
        // HTTP/1.1: the Runtime API and S3's pre-signed URLs need no more.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static void main(String... command) throws InterruptedException {
        if (command.length == 0) {
            System.err.println("usage: MigrateFunction COMMAND [ARGUMENT...]   (the migrate command to run per invocation)");
            System.exit(2);
        }
        MigrateFunction function = new MigrateFunction(System.getenv("AWS_LAMBDA_RUNTIME_API"), List.of(command),
                Duration.ofSeconds(1));
        while (true) {
            function.handleNext();
        }
    }

    /** Waits for the next invocation and answers it. */
    void handleNext() throws InterruptedException {
        HttpResponse<String> next = send(HttpRequest.newBuilder(runtimeApi.resolve("next")).GET().build());
        String requestId = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id")
                .orElseThrow(() -> new IllegalStateException("the Runtime API gave no request id"));
        long deadline = next.headers().firstValue("Lambda-Runtime-Deadline-Ms").map(Long::parseLong)
                .orElse(Long.MAX_VALUE);
        JsonNode event = next.body() == null || next.body().isBlank() ? null : parse(next.body());
        if (event == null) {
            event = JSON.createObjectNode();
        }

        ObjectNode answer = JSON.createObjectNode();
        boolean answered;
        if (event.hasNonNull("RequestType") && event.hasNonNull("ResponseURL")) {
            answered = answerCustomResource(event, deadline, answer);
        } else {
            Outcome outcome = migrate(deadline);
            answer.put("migrated", outcome.succeeded()).put("output", outcome.output());
            answered = outcome.succeeded();
            if (!answered) {
                answer.removeAll().put("errorType", "MigrationFailed").put("errorMessage", outcome.text());
            }
        }
        String path = requestId + (answered ? "/response" : "/error");
        HttpRequest.Builder reply = HttpRequest.newBuilder(runtimeApi.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(answer.toString()));
        if (!answered) {
            reply.header("Lambda-Runtime-Function-Error-Type", answer.path("errorType").asText());
        }
        send(reply.build());
    }

    /** Migrates (or, for Delete, not) and PUTs the outcome to CloudFormation; false if the PUT failed. */
    private boolean answerCustomResource(JsonNode event, long deadline, ObjectNode answer)
            throws InterruptedException {
        String type = event.path("RequestType").asText();
        Outcome outcome = "Delete".equals(type)
                ? new Outcome(true, "Delete", "Delete: the schema is left as it is; migrations are never undone.")
                : migrate(deadline);
        ObjectNode response = JSON.createObjectNode()
                .put("Status", outcome.succeeded() ? "SUCCESS" : "FAILED")
                .put("Reason", outcome.reason())
                .put("PhysicalResourceId", event.path("PhysicalResourceId").asText(PHYSICAL_ID))
                .put("StackId", event.path("StackId").asText())
                .put("RequestId", event.path("RequestId").asText())
                .put("LogicalResourceId", event.path("LogicalResourceId").asText())
                .put("NoEcho", false);
        answer.put("migrated", outcome.succeeded() && !"Delete".equals(type))
                .put("status", response.path("Status").asText()).put("output", outcome.text());
        String failure = put(URI.create(event.path("ResponseURL").asText()), response.toString());
        if (failure != null) {
            answer.removeAll().put("errorType", "ResponseNotDelivered")
                    .put("errorMessage", "CloudFormation's ResponseURL did not take the outcome: " + failure);
            return false;
        }
        return true;
    }

    /** PUTs the body (no Content-Type: the URL's signature covers none), three tries; null or why not. */
    private String put(URI url, String body) throws InterruptedException {
        String failure = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                        .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() / 100 == 2) {
                    return null;
                }
                failure = "HTTP " + answer.statusCode() + " " + tail(answer.body(), 300);
            } catch (IOException e) {
                failure = e.toString();
            }
            System.out.println("PUT to the ResponseURL failed (attempt " + attempt + "): " + failure);
            if (attempt < 3) {
                Thread.sleep(retryPause.multipliedBy(attempt).toMillis());
            }
        }
        return failure;
    }

    /** Runs the migrate command until it exits or the deadline nears; its output also goes to the log. */
    private Outcome migrate(long deadlineMillis) throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Outcome(false, "migrate could not be started", e.getMessage());
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        long left = deadlineMillis - System.currentTimeMillis() - ANSWER_MARGIN.toMillis();
        if (!process.waitFor(Math.max(left, 1000), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
            String text = output.completeOnTimeout("(no output)", 5, TimeUnit.SECONDS).join();
            System.out.println(text);
            return new Outcome(false, "migrate did not finish within the function's timeout and was stopped (raise"
                    + " the migrate function's Timeout, or run a longer migration from a host)", text);
        }
        String text = output.join().strip();
        System.out.println(text);
        return process.exitValue() == 0
                ? new Outcome(true, "migrate", text)
                : new Outcome(false, "migrate exited " + process.exitValue(), text);
    }

    private HttpResponse<String> send(HttpRequest request) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("the Lambda Runtime API did not answer " + request.uri(), e);
        }
    }

    /** The JSON in the text, or null if there is none. */
    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static String read(InputStream stream) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (stream) {
            stream.transferTo(bytes);
        } catch (IOException e) {
            // the process ended; what was read is all there is
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String tail(String text, int limit) {
        return text.length() <= limit ? text : "..." + text.substring(text.length() - limit + 3);
    }

    /** What a migration came to: its headline (for a failure, what went wrong) and the command's output. */
    private record Outcome(boolean succeeded, String headline, String output) {

        /** The text for a direct invocation's answer: the whole output, after the headline if it failed. */
        String text() {
            return succeeded ? output : headline + ": " + output;
        }

        /**
         * What CloudFormation shows: on success the output's last line; on failure the headline and the
         * log's error records with their causes (the production log is JSON, a stack trace per record), else
         * the output's end, where errors are.
         */
        String reason() {
            if (succeeded) {
                String[] lines = output.strip().split("\n");
                return tail(lines[lines.length - 1], REASON_LIMIT);
            }
            String prefix = headline + ": ";
            return prefix + tail(errors(output), REASON_LIMIT - prefix.length());
        }

        private static String errors(String output) {
            List<String> found = new ArrayList<>();
            for (String line : output.split("\n")) {
                JsonNode record = line.startsWith("{") ? parse(line) : null;
                if (record == null || !"ERROR".equals(record.path("level").asText())) {
                    continue;
                }
                StringBuilder error = new StringBuilder(record.path("message").asText());
                for (JsonNode cause = record.path("exception"); cause.isObject(); cause = cause.at("/causedBy/exception")) {
                    error.append(" <- ").append(cause.path("exceptionType").asText()).append(": ")
                            .append(cause.path("message").asText());
                }
                found.add(error.toString());
            }
            return found.isEmpty() ? output : String.join(" | ", found);
        }
    }
}
