package org.boxoffice.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The deployment manifests in deploy/, read as a deployer would read them. */
class DeploymentManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** PostgreSQL's default max_connections, and its superuser_reserved_connections. */
    private static final int POSTGRES_MAX_CONNECTIONS = 100;
    private static final int POSTGRES_RESERVED = 3;

    private static JsonNode read(String path) throws IOException {
        return YAML.readTree(Files.readString(Path.of(path)));
    }

    private static JsonNode container(JsonNode service) {
        return service.at("/spec/template/spec/containers/0");
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (name.equals(variable.path("name").asText())) {
                return variable.path("value").asText();
            }
        }
        return null;
    }

    @Test
    void bothKnativeServicesAreWellFormedWithProbesResourcesAndConfiguration() throws IOException {
        for (String file : List.of("deploy/knative/service-postgres.yaml", "deploy/knative/service-memory.yaml")) {
            JsonNode service = read(file);
            JsonNode container = container(service);

            assertThat(service.path("apiVersion").asText()).as(file).isEqualTo("serving.knative.dev/v1");
            assertThat(service.path("kind").asText()).as(file).isEqualTo("Service");
            assertThat(container.path("image").asText()).as(file).isNotBlank();
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).as(file).isEqualTo("/q/health/live");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).as(file).isEqualTo("/q/health/ready");
            assertThat(container.at("/resources/requests/cpu").asText()).as(file).isNotBlank();
            assertThat(container.at("/resources/requests/memory").asText()).as(file).isNotBlank();
            assertThat(container.at("/envFrom/0/configMapRef/name").asText()).as(file).isEqualTo("boxoffice-config");
        }
    }

    @Test
    void thePostgresServiceKeepsOneInstanceUpAndReadsItsPasswordFromASecret() throws IOException {
        JsonNode service = read("deploy/knative/service-postgres.yaml");
        JsonNode annotations = service.at("/spec/template/metadata/annotations");

        // The every-minute ping would keep one up anyway (ping-scheduled.yaml); say so rather than pretend.
        assertThat(annotations.path("autoscaling.knative.dev/min-scale").asText()).isEqualTo("1");
        assertThat(annotations.path("autoscaling.knative.dev/max-scale").asInt()).isGreaterThan(1);
        assertThat(service.at("/spec/template/spec/containerConcurrency").asInt()).isPositive();
        assertThat(env(container(service), "BOXOFFICE_STORE")).isEqualTo("postgres");
        List<String> secrets = new ArrayList<>();
        container(service).path("envFrom").forEach(source -> secrets.add(source.at("/secretRef/name").asText()));
        assertThat(secrets).contains(read("deploy/knative/secret.example.yaml").at("/metadata/name").asText());
    }

    /**
     * Every instance may hold its whole pool: two revisions at their largest (old and new, during a
     * rollout) and the migrate Job stay under PostgreSQL's default max_connections less its reserved ones.
     */
    @Test
    void knativeAtItsLargestStaysWithinTheDatabasesConnections() throws IOException {
        JsonNode service = read("deploy/knative/service-postgres.yaml");
        int maxScale = service.at("/spec/template/metadata/annotations").path("autoscaling.knative.dev/max-scale").asInt();
        int pool = read("deploy/knative/config.yaml").at("/data/BOXOFFICE_DB_POOL_SIZE").asInt();

        assertThat(2 * maxScale * pool + pool).isLessThanOrEqualTo(POSTGRES_MAX_CONNECTIONS - POSTGRES_RESERVED);
    }

    /**
     * With authentication on, a service refuses to start without the key that signs ticket codes, or the one
     * that seals webhook secrets.
     */
    @Test
    void everyServiceTakesTheTicketSigningKeyAndTheWebhookSecretsKeyFromASecret() throws IOException {
        JsonNode secret = read("deploy/knative/secret.example.yaml");
        assertThat(secret.at("/stringData/BOXOFFICE_CHECKIN_SIGNING_KEY").asText()).contains("BEGIN PRIVATE KEY");
        assertThat(secret.at("/stringData/BOXOFFICE_WEBHOOKS_SECRET_KEY").asText()).contains("openssl rand -base64 32");
        for (String manifest : List.of("deploy/knative/service-postgres.yaml", "deploy/knative/service-memory.yaml")) {
            List<String> secrets = new ArrayList<>();
            container(read(manifest)).path("envFrom").forEach(source -> secrets.add(source.at("/secretRef/name").asText()));
            assertThat(secrets).as(manifest).contains(secret.at("/metadata/name").asText());
        }
        JsonNode variables = read("deploy/lambda/template.yaml").at("/Globals/Function/Environment/Variables");
        // Its secret's name, never its value: read at start (LambdaSecrets), as the database password is.
        assertThat(variables.at("/BOXOFFICE_CHECKIN_SIGNING_KEY_SECRET/Ref").asText())
                .isEqualTo("CheckinSigningKeySecretArn");
        assertThat(variables.has("BOXOFFICE_CHECKIN_SIGNING_KEY")).isFalse();
        assertThat(variables.at("/BOXOFFICE_WEBHOOKS_SECRET_KEY_SECRET/Ref").asText())
                .isEqualTo("WebhookSecretKeySecretArn");
        assertThat(variables.has("BOXOFFICE_WEBHOOKS_SECRET_KEY")).isFalse();
    }

    @Test
    void thePostgresServiceLeavesMigratingToAJobOfTheSameImage() throws IOException {
        JsonNode service = read("deploy/knative/service-postgres.yaml");
        JsonNode job = read("deploy/knative/migrate-job.yaml");
        JsonNode migrate = job.at("/spec/template/spec/containers/0");

        assertThat(env(container(service), "QUARKUS_FLYWAY_MIGRATE_AT_START")).isEqualTo("false");
        assertThat(job.path("kind").asText()).isEqualTo("Job");
        // A Job per release: a fixed name would collide with the last release's (its template is immutable).
        assertThat(job.at("/metadata/name").isMissingNode()).isTrue();
        assertThat(job.at("/metadata/generateName").asText()).endsWith("-");
        assertThat(job.at("/spec/activeDeadlineSeconds").asInt()).isPositive();
        assertThat(Files.readString(Path.of("deploy/knative/migrate-job.yaml")))
                .contains("kubectl create -f deploy/knative/migrate-job.yaml -o name")
                .contains("kubectl wait --for=condition=complete \"$job\"");
        assertThat(migrate.path("image").asText()).isEqualTo(container(service).path("image").asText());
        assertThat(migrate.path("args")).containsExactly(YAML.getNodeFactory().textNode("migrate"));
        assertThat(migrate.path("envFrom").findValuesAsText("name"))
                .containsExactlyInAnyOrderElementsOf(container(service).path("envFrom").findValuesAsText("name"));
    }

    @Test
    void theInMemoryServiceRunsAsExactlyOneInstance() throws IOException {
        JsonNode service = read("deploy/knative/service-memory.yaml");
        JsonNode annotations = service.at("/spec/template/metadata/annotations");

        assertThat(annotations.path("autoscaling.knative.dev/min-scale").asText()).isEqualTo("1");
        assertThat(annotations.path("autoscaling.knative.dev/max-scale").asText()).isEqualTo("1");
        assertThat(env(container(service), "BOXOFFICE_STORE")).isEqualTo("memory");
    }

    @Test
    void theConfigMapHoldsNoPassword() throws IOException {
        JsonNode config = read("deploy/knative/config.yaml");

        assertThat(config.path("kind").asText()).isEqualTo("ConfigMap");
        assertThat(config.path("data").path("QUARKUS_DATASOURCE_JDBC_URL").asText()).startsWith("jdbc:postgresql:");
        config.path("data").fieldNames().forEachRemaining(key -> assertThat(key).doesNotContainIgnoringCase("password"));
    }

    @Test
    void theSamTemplateDeploysBehindAnHttpApiWithSecretsByReference() throws IOException {
        JsonNode template = read("deploy/lambda/template.yaml");
        JsonNode variables = template.at("/Globals/Function/Environment/Variables");

        assertThat(template.path("Transform").asText()).isEqualTo("AWS::Serverless-2016-10-31");
        assertThat(template.at("/Resources/BoxOfficeApi/Type").asText()).isEqualTo("AWS::Serverless::HttpApi");
        for (String name : List.of("BoxOffice", "BoxOfficeManaged", "BoxOfficeNative")) {
            JsonNode properties = template.at("/Resources/" + name + "/Properties");
            assertThat(template.at("/Resources/" + name + "/Type").asText()).isEqualTo("AWS::Serverless::Function");
            assertThat(properties.path("Handler").asText())
                    .isEqualTo("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
            assertThat(properties.at("/Events/HttpApi/Type").asText()).isEqualTo("HttpApi");
            assertThat(properties.at("/Events/HttpApi/Properties/ApiId/Ref").asText()).isEqualTo("BoxOfficeApi");
        }
        assertThat(template.at("/Globals/Function/Timeout").asInt()).isPositive();
        assertThat(variables.path("BOXOFFICE_STORE").asText()).isEqualTo("postgres");
    }

    /**
     * A function's configuration shows its environment to anyone who may read it: it names the secret and
     * each function reads the value at start, through the Parameters and Secrets extension's layer.
     */
    @Test
    void noFunctionsConfigurationHoldsThePasswordOnlyTheSecretsName() throws IOException {
        JsonNode template = read("deploy/lambda/template.yaml");
        JsonNode variables = template.at("/Globals/Function/Environment/Variables");

        assertThat(variables.at("/BOXOFFICE_DB_PASSWORD_SECRET/Ref").asText()).isEqualTo("DatabaseSecretArn");
        assertThat(template.at("/Globals/Function/Layers/0/Ref").asText()).isEqualTo("SecretsExtensionLayerArn");
        List<JsonNode> environments = new ArrayList<>(List.of(variables));
        template.path("Resources").forEach(resource -> environments.add(resource.at("/Properties/Environment/Variables")));
        for (JsonNode environment : environments) {
            assertThat(environment.has("QUARKUS_DATASOURCE_PASSWORD")).isFalse();
            assertThat(environment.toString()).doesNotContain("{{resolve:");
        }
        for (String name : List.of("BoxOffice", "BoxOfficeManaged", "BoxOfficeNative", "BoxOfficeMigrate")) {
            assertThat(template.at("/Resources/" + name + "/Properties/Policies/1/AWSSecretsManagerGetSecretValuePolicy"
                    + "/SecretArn/Ref").asText()).as(name).isEqualTo("DatabaseSecretArn");
        }
    }

    /** Lambda freezes a function between invocations: a schedule must send it the due work every minute. */
    @Test
    void everyFunctionIsSentPostScheduledEveryMinuteAsAnHttpApiEvent() throws IOException {
        JsonNode template = read("deploy/lambda/template.yaml");
        for (String name : List.of("BoxOffice", "BoxOfficeManaged", "BoxOfficeNative")) {
            JsonNode schedule = template.at("/Resources/" + name + "/Properties/Events/EveryMinute");
            assertThat(schedule.path("Type").asText()).as(name).isEqualTo("Schedule");
            assertThat(schedule.at("/Properties/Schedule").asText()).as(name).isEqualTo("rate(1 minute)");
            JsonNode event = new ObjectMapper().readTree(schedule.at("/Properties/Input").asText());
            assertThat(event.path("version").asText()).isEqualTo("2.0");
            assertThat(event.path("rawPath").asText()).isEqualTo("/scheduled");
            assertThat(event.at("/requestContext/http/method").asText()).isEqualTo("POST");
            assertThat(event.at("/requestContext/http/path").asText()).isEqualTo("/scheduled");
        }
    }

    @Test
    void knativePingsPostScheduledEveryMinuteAndBindsTheServiceToABroker() throws IOException {
        JsonNode ping = read("deploy/knative/ping-scheduled.yaml");
        assertThat(ping.path("kind").asText()).isEqualTo("PingSource");
        assertThat(ping.at("/spec/schedule").asText()).isEqualTo("* * * * *");
        assertThat(ping.at("/spec/sink/ref/name").asText()).isEqualTo(read("deploy/knative/service-postgres.yaml")
                .at("/metadata/name").asText());
        assertThat(ping.at("/spec/sink/uri").asText()).isEqualTo("/scheduled");

        List<JsonNode> documents = new ArrayList<>();
        YAML.readerFor(JsonNode.class).readValues(Files.readString(Path.of("deploy/knative/sink-binding.yaml")))
                .forEachRemaining(document -> documents.add((JsonNode) document));
        assertThat(documents).extracting(document -> document.path("kind").asText())
                .containsExactly("Broker", "SinkBinding", "Trigger");
        JsonNode binding = documents.get(1);
        assertThat(binding.at("/spec/subject/name").asText()).isEqualTo("boxoffice");
        assertThat(binding.at("/spec/sink/ref/kind").asText()).isEqualTo("Broker");
        assertThat(binding.at("/spec/sink/ref/name").asText()).isEqualTo(documents.get(0).at("/metadata/name").asText());
        assertThat(documents.get(2).at("/spec/filter/attributes/type").asText()).startsWith("org.boxoffice.");
    }

    @Test
    void theRuntimeIsAParameterWithTheCustomRuntimeByDefault() throws IOException {
        JsonNode template = read("deploy/lambda/template.yaml");
        JsonNode choice = template.at("/Parameters/FunctionRuntime");
        JsonNode custom = template.at("/Resources/BoxOffice");
        JsonNode managed = template.at("/Resources/BoxOfficeManaged");

        assertThat(choice.path("Default").asText()).isEqualTo("custom");
        List<String> allowed = new ArrayList<>();
        choice.path("AllowedValues").forEach(value -> allowed.add(value.asText()));
        assertThat(allowed).containsExactly("custom", "java21", "native");
        assertThat(template.at("/Conditions/CustomRuntime/Fn::Equals/1").asText()).isEqualTo("custom");
        assertThat(template.at("/Conditions/ManagedRuntime/Fn::Equals/1").asText()).isEqualTo("java21");
        assertThat(custom.path("Condition").asText()).isEqualTo("CustomRuntime");
        assertThat(custom.at("/Properties/Runtime").asText()).isEqualTo("provided.al2023");
        assertThat(custom.at("/Properties/CodeUri").asText()).endsWith("target/function-custom.zip");
        assertThat(managed.path("Condition").asText()).isEqualTo("ManagedRuntime");
        assertThat(managed.at("/Properties/Runtime").asText()).isEqualTo("java21");
        assertThat(managed.at("/Properties/CodeUri").asText()).endsWith("target/function.zip");
        JsonNode nativeZip = template.at("/Resources/BoxOfficeNative");
        assertThat(template.at("/Conditions/NativeRuntime/Fn::Equals/1").asText()).isEqualTo("native");
        assertThat(nativeZip.path("Condition").asText()).isEqualTo("NativeRuntime");
        assertThat(nativeZip.at("/Properties/Runtime").asText()).isEqualTo("provided.al2023");
        assertThat(nativeZip.at("/Properties/CodeUri").asText()).endsWith("target/function-native.zip");
        assertThat(managed.at("/Properties/Environment/Variables/JAVA_TOOL_OPTIONS").asText())
                .contains("-XX:TieredStopAtLevel=1");
        // Lambda has SnapStart for its managed runtimes only.
        assertThat(managed.at("/Properties/SnapStart/Fn::If/1/ApplyOn").asText()).isEqualTo("PublishedVersions");
        assertThat(template.at("/Conditions/SnapStart/Fn::And/0/Condition").asText()).isEqualTo("ManagedRuntime");
    }

    @Test
    void theMigrateFunctionRunsTheSameZipWhoseBootstrapMigratesForTheMigrateHandler() throws IOException {
        JsonNode template = read("deploy/lambda/template.yaml");
        JsonNode function = template.at("/Resources/BoxOffice/Properties");
        JsonNode migrate = template.at("/Resources/BoxOfficeMigrate");

        assertThat(migrate.path("Condition").asText()).isEqualTo("CustomRuntime");
        assertThat(migrate.at("/Properties/Handler").asText()).isEqualTo("migrate");
        assertThat(migrate.at("/Properties/CodeUri").asText()).isEqualTo(function.path("CodeUri").asText());
        assertThat(migrate.at("/Properties/Runtime").asText()).isEqualTo(function.path("Runtime").asText());
        assertThat(migrate.at("/Properties/Timeout").asInt()).isGreaterThan(template.at("/Globals/Function/Timeout").asInt())
                .as("Lambda's longest").isLessThanOrEqualTo(900);
        assertThat(migrate.at("/Properties/Events").isMissingNode()).as("invoked by the deployer only").isTrue();
        assertThat(template.at("/Outputs/MigrateFunction/Value/Ref").asText()).isEqualTo("BoxOfficeMigrate");
        assertThat(Files.readString(Path.of("deploy/lambda/custom-runtime/bootstrap")))
                .contains("if [ \"${_HANDLER:-}\" = migrate ]; then")
                .contains("org.boxoffice.cli.MigrateFunction")
                .contains("-jar app/boxoffice.jar migrate");
    }

    /**
     * No new code takes traffic before its migrations ran: CloudFormation runs the migrate function (a
     * custom resource, again whenever the code changes) before it updates the HTTP function, whose new
     * version and alias the API and the schedule invoke come after the function.
     */
    @Test
    void theSchemaIsMigratedBeforeTheFunctionsNewVersionTakesTraffic() throws IOException {
        JsonNode template = read("deploy/lambda/template.yaml");
        JsonNode migration = template.at("/Resources/SchemaMigration");
        JsonNode migrate = template.at("/Resources/BoxOfficeMigrate/Properties");
        JsonNode function = template.at("/Resources/BoxOffice");

        assertThat(migration.path("Type").asText()).isEqualTo("AWS::CloudFormation::CustomResource");
        assertThat(migration.path("Condition").asText()).isEqualTo("CustomRuntime");
        assertThat(migration.at("/Properties/ServiceToken/Fn::GetAtt")).extracting(JsonNode::asText)
                .containsExactly("BoxOfficeMigrate", "Arn");
        // A new migrate version for every new zip, whose ARN changes the property: an Update, a migration.
        assertThat(migrate.path("AutoPublishAlias").asText()).isNotBlank();
        assertThat(migrate.path("CodeUri").asText()).isEqualTo(function.at("/Properties/CodeUri").asText());
        assertThat(migration.at("/Properties/CodeVersion/Ref").asText()).isEqualTo("BoxOfficeMigrate.Version");
        // CloudFormation gives up on a silent function after ServiceTimeout, longer than the function may run.
        assertThat(migration.at("/Properties/ServiceTimeout").asInt()).isGreaterThan(migrate.path("Timeout").asInt());

        List<String> dependsOn = new ArrayList<>();
        JsonNode depends = function.path("DependsOn");
        if (depends.isArray()) {
            depends.forEach(name -> dependsOn.add(name.asText()));
        } else {
            dependsOn.add(depends.asText());
        }
        assertThat(dependsOn).contains("SchemaMigration");
        // Traffic goes to the alias, which SAM moves only after the function and its new version.
        assertThat(function.at("/Properties/AutoPublishAlias").asText()).isEqualTo("live");
        assertThat(function.at("/Properties/Events/HttpApi/Type").asText()).isEqualTo("HttpApi");
    }

    /**
     * Sized for an on-sale with the defaults a deployer gets: API Gateway refuses (429) what the reserved
     * environments could not take, and on a direct connection every environment's whole pool, the migrate
     * function's included, fits in PostgreSQL's default max_connections less its reserved ones.
     */
    @Test
    void theDefaultsThrottleBeforeLambdaDoesAndKeepTheConnectionBudget() throws IOException {
        JsonNode template = read("deploy/lambda/template.yaml");
        JsonNode parameters = template.path("Parameters");
        JsonNode route = template.at("/Resources/BoxOfficeApi/Properties/DefaultRouteSettings");
        int reserved = parameters.at("/ReservedConcurrency/Default").asInt();
        int rate = parameters.at("/ApiThrottlingRateLimit/Default").asInt();
        int burst = parameters.at("/ApiThrottlingBurstLimit/Default").asInt();
        int pool = parameters.at("/DatabasePoolSize/MaxValue").asInt();
        int migrateReserved = template.at("/Resources/BoxOfficeMigrate/Properties/ReservedConcurrentExecutions").asInt();

        assertThat(route.at("/ThrottlingRateLimit/Ref").asText()).isEqualTo("ApiThrottlingRateLimit");
        assertThat(route.at("/ThrottlingBurstLimit/Ref").asText()).isEqualTo("ApiThrottlingBurstLimit");
        for (String name : List.of("BoxOffice", "BoxOfficeManaged", "BoxOfficeNative")) {
            assertThat(template.at("/Resources/" + name + "/Properties/ReservedConcurrentExecutions/Ref").asText())
                    .as(name).isEqualTo("ReservedConcurrency");
        }
        assertThat(burst).as("a burst finds an environment for each request").isLessThanOrEqualTo(reserved);
        // Each request taking 100 ms, three times the warm median measured on a loaded machine (bench/).
        assertThat(rate * 0.1).as("the steady rate fits the environments").isLessThanOrEqualTo(reserved);
        assertThat(migrateReserved).isEqualTo(1);
        assertThat((reserved + migrateReserved) * pool).isLessThanOrEqualTo(POSTGRES_MAX_CONNECTIONS - POSTGRES_RESERVED);
        assertThat(parameters.at("/DatabasePoolSize/Description").asText())
                .contains("(ReservedConcurrency + 1) x DatabasePoolSize");
    }

    @Test
    void anRdsProxyEndpointChangesOnlyTheUrlAndEachEnvironmentKeepsOneOrTwoConnections() throws IOException {
        JsonNode template = read("deploy/lambda/template.yaml");
        JsonNode variables = template.at("/Globals/Function/Environment/Variables");
        JsonNode url = variables.at("/QUARKUS_DATASOURCE_JDBC_URL/Fn::If");
        JsonNode pool = template.at("/Parameters/DatabasePoolSize");

        assertThat(template.at("/Parameters/RdsProxyEndpoint/Default").asText()).isEmpty();
        assertThat(template.at("/Conditions/ThroughRdsProxy/Fn::Not/0/Fn::Equals/0/Ref").asText())
                .isEqualTo("RdsProxyEndpoint");
        assertThat(url.get(0).asText()).isEqualTo("ThroughRdsProxy");
        assertThat(url.at("/1/Fn::Sub").asText()).startsWith("jdbc:postgresql://${RdsProxyEndpoint}:5432/");
        assertThat(url.at("/2/Ref").asText()).isEqualTo("DatabaseUrl");
        assertThat(pool.path("MinValue").asInt()).isEqualTo(1);
        assertThat(pool.path("MaxValue").asInt()).isEqualTo(2);
        assertThat(variables.at("/BOXOFFICE_DB_POOL_SIZE/Ref").asText()).isEqualTo("DatabasePoolSize");
        // What lets a transaction pooler stand in the URL's place (PgBouncerIT runs it through one).
        String settings = Files.readString(Path.of("src/main/resources/application.properties"));
        assertThat(settings).contains("quarkus.datasource.jdbc.max-size=${BOXOFFICE_DB_POOL_SIZE:")
                .contains("quarkus.datasource.jdbc.additional-jdbc-properties.prepareThreshold=${BOXOFFICE_DB_PREPARE_THRESHOLD:0}");
    }

    /**
     * Each function's memory is within Lambda's bounds and no less than the 1024 MB the cold starts were
     * measured with (bench/lambda-coldstart.sh's MEMORY_MB), which also checks it against the RSS it measures.
     */
    @Test
    void eachFunctionsMemoryIsWithinLambdasBoundsAndAtLeastTheMeasuredOne() throws IOException {
        JsonNode template = read("deploy/lambda/template.yaml");

        for (String function : List.of("BoxOffice", "BoxOfficeManaged")) {
            assertThat(template.at("/Resources/" + function + "/Properties/MemorySize").asInt()).as(function)
                    .isBetween(1024, 10240);
        }
        assertThat(template.at("/Resources/BoxOfficeMigrate/Properties/MemorySize").asInt()).isBetween(128, 10240);
    }

    /**
     * Every manifest runs the image locked down, as deploy/container/test.sh runs it: the image's numeric
     * non-root user, a read-only root file system with /tmp alone writable, no capability, no escalation.
     */
    @Test
    void everyManifestRunsTheImageLockedDownWithOnlyTmpWritable() throws IOException {
        Matcher user = Pattern.compile("(?m)^USER (\\d+):(\\d+)$")
                .matcher(Files.readString(Path.of("src/main/docker/Dockerfile.jvm")));
        assertThat(user.find()).as("a numeric USER uid:gid in Dockerfile.jvm").isTrue();
        assertThat(Integer.parseInt(user.group(1))).as("the image's user").isPositive();

        for (String file : List.of("deploy/knative/service-postgres.yaml", "deploy/knative/service-memory.yaml",
                "deploy/knative/migrate-job.yaml")) {
            JsonNode pod = read(file).at("/spec/template/spec");
            JsonNode security = pod.at("/containers/0/securityContext");

            assertThat(security.get("runAsNonRoot")).as(file + ": runAsNonRoot").isEqualTo(BooleanNode.TRUE);
            assertThat(security.path("runAsUser").isInt()).as(file + ": a numeric runAsUser").isTrue();
            assertThat(security.path("runAsUser").asText()).as(file + ": runAsUser").isEqualTo(user.group(1));
            assertThat(security.path("runAsGroup").asText()).as(file + ": runAsGroup").isEqualTo(user.group(2));
            assertThat(security.get("readOnlyRootFilesystem")).as(file + ": readOnlyRootFilesystem")
                    .isEqualTo(BooleanNode.TRUE);
            assertThat(security.get("allowPrivilegeEscalation")).as(file + ": allowPrivilegeEscalation")
                    .isEqualTo(BooleanNode.FALSE);
            assertThat(security.at("/capabilities/drop")).as(file + ": capabilities dropped")
                    .containsExactly(YAML.getNodeFactory().textNode("ALL"));
            assertThat(security.at("/capabilities/add").isMissingNode()).as(file + ": no capability added").isTrue();
            assertThat(emptyDirMountedAt(pod, "/tmp")).as(file + ": /tmp on an emptyDir volume").isTrue();
        }
    }

    private static boolean emptyDirMountedAt(JsonNode pod, String path) {
        for (JsonNode mount : pod.at("/containers/0/volumeMounts")) {
            if (path.equals(mount.path("mountPath").asText())) {
                for (JsonNode volume : pod.path("volumes")) {
                    if (volume.path("name").equals(mount.path("name"))) {
                        return volume.has("emptyDir");
                    }
                }
            }
        }
        return false;
    }

    /** The container runs with the JVM options the benchmarks measured (bench/lib.sh), on G1. */
    @Test
    void theJvmImageShipsTheJvmOptionsTheBenchmarksMeasure() throws IOException {
        Matcher measured = Pattern.compile("(?m)^SERVICE_JAVA_OPTS=\"([^\"]+)\"$")
                .matcher(Files.readString(Path.of("bench/lib.sh")));
        assertThat(measured.find()).as("SERVICE_JAVA_OPTS in bench/lib.sh").isTrue();

        assertThat(jvmOptions()).containsAll(List.of(measured.group(1).split(" ")))
                // the options are G1's; in a container of 512 MiB the JVM would otherwise choose the serial GC
                .contains("-XX:+UseG1GC");
    }

    /** The image starts the JVM with those options and the AOT cache, and nothing base-specific in between. */
    @Test
    void theJvmImageStartsJavaWithItsOptionsFileAndTheAotCache() throws IOException {
        Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT (\\[.*\\])$")
                .matcher(Files.readString(Path.of("src/main/docker/Dockerfile.jvm")));
        assertThat(entrypoint.find()).as("ENTRYPOINT in Dockerfile.jvm").isTrue();

        assertThat(YAML.readValue(entrypoint.group(1), String[].class)).containsExactly("java",
                "@/deployments/jvm.options", "-XX:AOTCache=/deployments/app.aot", "-jar", "/deployments/quarkus-run.jar");
    }

    /** The options in src/main/docker/jvm.options, one per line, without its comments. */
    private static List<String> jvmOptions() throws IOException {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/main/docker/jvm.options"))) {
            String option = line.replaceAll("#.*", "").strip();
            if (!option.isEmpty()) {
                options.add(option);
            }
        }
        return options;
    }
}
