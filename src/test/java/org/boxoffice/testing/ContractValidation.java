package org.boxoffice.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds every REST Assured exchange of the API tests to the OpenAPI document the application under test
 * serves: the answer must be one the document gives for that operation (its status, its body's schema,
 * the problem document for errors), and a request the service accepted (2xx) must be one the document
 * allows, or the document is looser or stricter than the service. A refused request is not checked: tests
 * send bad input on purpose. Paths outside the document (/q/..., the seat map page) are not checked.
 * {@link ContractValidationCallback} installs it once for every {@code @QuarkusTest}.
 */
public final class ContractValidation implements OrderedFilter {

    /** Not part of the API document: Quarkus's own endpoints and the seat map page served beside the API. */
    /** Not the API: Quarkus's endpoints, the seat map page, and the Lambda test server's raw event entrance. */
    private static final List<String> OUTSIDE = List.of("/q/", "/index.html", "/seatmap.", "/_lambda_");
    /** Answered by the HTTP layer for every path (OPTIONS its Allow, HEAD a GET without body), not operations. */
    private static final List<String> HTTP_LAYER = List.of("OPTIONS", "HEAD");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One validator per document text: the profiles of the test run serve a few different documents. */
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private final Map<String, Optional<OpenApiInteractionValidator>> byBase = new ConcurrentHashMap<>();

    /** The application may have restarted with another profile: fetch its document again before the next call. */
    public void forget() {
        byBase.clear();
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        String path = request.getDerivedPath();
        if (path.equals("/") || OUTSIDE.stream().anyMatch(path::startsWith) || HTTP_LAYER.contains(request.getMethod())) {
            return response;
        }
        String base = request.getBaseUri() + ":" + request.getPort();
        Optional<OpenApiInteractionValidator> served = byBase.computeIfAbsent(base, ContractValidation::servedBy);
        if (served.isEmpty()) {
            return response;
        }
        OpenApiInteractionValidator validator = served.get();
        List<String> broken = broken(validator.validate(RestAssuredRequest.of(request),
                RestAssuredResponse.of(response)), response.statusCode(), request.getBody() != null);
        if (!broken.isEmpty()) {
            throw new AssertionError(request.getMethod() + " " + path + " answered " + response.statusCode()
                    + ", which breaks the OpenAPI document:\n" + String.join("\n", broken));
        }
        return response;
    }

    /** A validator for the document given as text. */
    public static OpenApiInteractionValidator forDocument(String document) {
        return VALIDATORS.computeIfAbsent(document, text -> OpenApiInteractionValidator
                .createForInlineApiSpecification(asOpenApi30(text)).build());
    }

    /**
     * The validator reads OpenAPI 3.0 (JSON Schema draft 4 with {@code nullable}); the service serves 3.1.
     * The few 3.1 forms the document uses are restated in 3.0 terms: a list of types with "null" becomes
     * the type and {@code nullable}, and {@code const} a one-value enum. {@code {"type": "null"}} in an
     * anyOf is draft 4 already. The alternative forms of a body ({@code not} beside {@code properties})
     * are left out: the validator closes each subschema to the fields it names (as if it had
     * additionalProperties false), which turns the rule around; Redocly checks that they are sound, and
     * the tests of each refused form (HoldResourceTest, BookingResourceTest) that the service holds to them.
     */
    static String asOpenApi30(String document) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(document);
            root.put("openapi", "3.0.3");
            restate(root);
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalArgumentException("The OpenAPI document is not JSON", e);
        }
    }

    private static void restate(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("type") instanceof ArrayNode types) {
                List<String> named = new ArrayList<>();
                types.forEach(type -> named.add(type.asText()));
                if (named.remove("null")) {
                    object.put("nullable", true);
                }
                if (named.size() == 1 && !object.has("anyOf") && !object.has("oneOf")) {
                    object.put("type", named.get(0));
                } else {
                    object.remove("type");
                }
            }
            if (object.has("not") && object.has("properties")) {
                object.remove("not");
            }
            if (object.has("const")) {
                object.set("enum", JSON.createArrayNode().add(object.remove("const")));
            }
            object.remove("examples");
        }
        node.forEach(ContractValidation::restate);
    }

    /**
     * The errors of a report that break the rule: every answer must conform, and a request only when the
     * service took it (2xx). Not judged: the bearer token, which REST Assured's auth() adds below the
     * filters, out of the validator's sight (AuthTest tests who may call what); and the Content-Type
     * REST Assured gives a POST without a body, which the service does not read.
     */
    public static List<String> broken(ValidationReport report, int status, boolean withBody) {
        boolean accepted = status >= 200 && status < 300;
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> accepted || !message.getKey().startsWith("validation.request."))
                .filter(message -> !message.getKey().startsWith("validation.request.security"))
                .filter(message -> withBody || !message.getKey().startsWith("validation.request.contentType"))
                .map(message -> SimpleValidationReportFormat.getInstance()
                        .apply(ValidationReport.singleton(message)).trim())
                .toList();
    }

    /** The validator of the document served at {@code base}; none when that is not the application (no /q/openapi). */
    private static Optional<OpenApiInteractionValidator> servedBy(String base) {
        try {
            HttpResponse<String> document = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/q/openapi?format=json")).build(), HttpResponse.BodyHandlers.ofString());
            return document.statusCode() == 200 ? Optional.of(forDocument(document.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int getOrder() {
        // Last: it checks the exchange as it went over the wire.
        return LOWEST_PRECEDENCE;
    }
}
