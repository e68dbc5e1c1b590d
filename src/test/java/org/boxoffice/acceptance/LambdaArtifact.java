package org.boxoffice.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Lambda zip of the {@code -Plambda} build, run as Lambda runs it behind API Gateway
 * ({@link LambdaStandIn}): {@code function.zip} under AWS's own Runtime Interface Client on this java, as
 * the managed runtime starts it; a custom-runtime zip ({@code function-custom.zip}, and any other whose
 * entry point is {@code ./bootstrap}) as {@code provided.al2023} starts it. Its schema is migrated as the
 * deployment does: the migrate function of the same zip (handler {@code migrate}) where it has one,
 * otherwise (and for {@code function-native.zip}) {@code java -jar quarkus-run.jar migrate} from the same
 * source.
 */
final class LambdaArtifact implements Artifact {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    private final Path zip;
    private final boolean bootstrap;
    private final boolean jarMigrates;
    private Path task;

    private LambdaArtifact(Path zip, boolean bootstrap, boolean jarMigrates) {
        this.zip = zip;
        this.bootstrap = bootstrap;
        this.jarMigrates = jarMigrates;
    }

    /** function.zip, for the managed Java runtime. */
    static LambdaArtifact managed() {
        return new LambdaArtifact(Path.of("target", "function.zip"), false, false);
    }

    /** A custom-runtime zip: its {@code bootstrap} is what Lambda runs. */
    static LambdaArtifact custom(String zipName) {
        return new LambdaArtifact(Path.of("target", zipName), true, false);
    }

    /** function-native.zip: its {@code bootstrap} is the native executable; no migrate function. */
    static LambdaArtifact nativeZip() {
        return new LambdaArtifact(Path.of("target", "function-native.zip"), true, true);
    }

    @Override
    public String name() {
        return zip.getFileName() + " on Lambda";
    }

    @Override
    public boolean migratesAtStart() {
        return false;
    }

    @Override
    public boolean limitsCallersItself() {
        return false;
    }

    @Override
    public boolean runsBetweenRequests() {
        return false;
    }

    @Override
    public boolean servesHttpItself() {
        return false;
    }

    @Override
    public boolean hasCommandLine() {
        return false;
    }

    @Override
    public Running start(Map<String, String> settings, Path log) throws Exception {
        return launch(HANDLER, settings, log);
    }

    @Override
    public Finished run(Map<String, String> settings, String... arguments) throws Exception {
        if (!List.of(arguments).equals(List.of("migrate"))) {
            throw new UnsupportedOperationException("a Lambda function has no command line: " + List.of(arguments));
        }
        if (!bootstrap || jarMigrates) {
            return JarArtifact.jar().run(settings, arguments);
        }
        Path log = Path.of("target", "acceptance", "lambda-migrate.log");
        try (Launched migrate = launch("migrate", settings, log)) {
            try {
                JsonNode answer = migrate.standIn.invoke(JSON.createObjectNode(), 180);
                return new Finished(answer.path("migrated").asBoolean() ? 0 : 1, answer.toString());
            } catch (java.util.concurrent.ExecutionException e) {
                return new Finished(1, e.getCause().getMessage() + "\n" + Processes.tail(log));
            }
        }
    }

    private Launched launch(String handler, Map<String, String> settings, Path log) throws Exception {
        Path root = unzipped();
        LambdaStandIn standIn = new LambdaStandIn();
        Map<String, String> environment = new HashMap<>(settings);
        // What Lambda sets for every function (deploy/lambda/template.yaml gives it 1024 MB).
        environment.putAll(Map.of("AWS_LAMBDA_FUNCTION_NAME", "boxoffice", "AWS_LAMBDA_FUNCTION_VERSION", "1",
                "AWS_REGION", "us-east-1", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024", "TZ", ":UTC",
                "AWS_LAMBDA_RUNTIME_API", standIn.runtimeApiAddress(), "_HANDLER", handler,
                "LAMBDA_TASK_ROOT", root.toString()));
        List<String> command = bootstrap ? List.of(root.resolve("bootstrap").toString())
                : List.of(Processes.java(), "-cp", runtimeInterfaceClient() + "/*",
                        "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", handler);
        Files.deleteIfExists(log);
        Process process = Processes.builder(command, environment).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        standIn.serve(process.toHandle());
        Launched launched = new Launched(standIn, process);
        if (!handler.equals("migrate")) {
            Processes.awaitAnswer(standIn.uri("/q/health/live"), process::isAlive, log, name());
        }
        return launched;
    }

    /** The zip unzipped once per test run, with its files' modes (unzip keeps them; bootstrap is executable). */
    private synchronized Path unzipped() throws IOException, InterruptedException {
        if (task == null) {
            if (!Files.exists(zip)) {
                throw new IllegalStateException(zip + " is missing: build it with ./mvnw package -Plambda");
            }
            Path target = Path.of("target", "acceptance", zip.getFileName().toString().replace(".zip", "")).toAbsolutePath();
            Processes.run(new ProcessBuilder("rm", "-rf", target.toString()), Duration.ofMinutes(1));
            Finished unzip = Processes.run(new ProcessBuilder("unzip", "-q", zip.toAbsolutePath().toString(), "-d",
                    target.toString()), Duration.ofMinutes(2));
            if (unzip.status() != 0) {
                throw new IllegalStateException("unzip " + zip + ": " + unzip.output());
            }
            task = target;
        }
        return task;
    }

    /** AWS's Runtime Interface Client, as deploy/lambda/harness fetches it. */
    private static Path runtimeInterfaceClient() throws IOException, InterruptedException {
        Path jars = Path.of("target", "acceptance", "ric").toAbsolutePath();
        if (!Files.isDirectory(jars)) {
            Finished fetched = Processes.run(new ProcessBuilder("./mvnw", "-B", "-q", "-f",
                    "deploy/lambda/harness/pom.xml", "dependency:copy-dependencies", "-DoutputDirectory=" + jars),
                    Duration.ofMinutes(5));
            if (fetched.status() != 0) {
                throw new IllegalStateException("cannot fetch the Runtime Interface Client: " + fetched.output());
            }
        }
        return jars;
    }

    /** A running function and its stand-in. */
    private static final class Launched implements Running {
        private final LambdaStandIn standIn;
        private final Process process;

        Launched(LambdaStandIn standIn, Process process) {
            this.standIn = standIn;
            this.process = process;
        }

        @Override
        public URI uri(String path) {
            return standIn.uri(path);
        }

        /** As Lambda ends an environment: SIGTERM (thawed first), then a kill. */
        @Override
        public void close() throws Exception {
            standIn.close();
            Processes.stop(process.toHandle());
        }
    }
}
