package org.boxoffice.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.boxoffice.domain.NotificationType;
import org.boxoffice.service.BoxOfficeConfig;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Finishes the OpenAPI document of the API for the settings this run started with: every operation
 * lists the answers every operation can give (401, 403, 413, 429, 503), every error answer carries the
 * problem document, and every operation says who may call it, so the resources repeat none of this. An
 * operation taking a body can answer 415; one taking an {@code Idempotency-Key} gives the header's schema
 * and can answer 400 for a malformed key. A webhook's notification types are an enum.
 */
@Singleton
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ApiDocumentFilter implements OASFilter {

    private static final Map<String, String> COMMON = Map.of(
            "401", "No valid bearer token (with authentication on); WWW-Authenticate says why",
            "403", "The caller lacks the role this operation needs",
            "413", "The request body is larger than 16 KiB (1 MiB for POST /events, whose layout lists every row)",
            "429", "Too many requests from this caller; Retry-After says when to retry",
            "503", "The ticket store cannot be reached; nothing was changed; Retry-After says when to retry");

    /** An operation anyone may call is limited for all its callers at once (RateLimitFilter). */
    private static final String ANYONE_LIMITED = "Too many calls of this operation on this instance, from anyone;"
            + " Retry-After says when to retry";


    /** In components.schemas through Problem's own @Schema, though no resource names it any more. */
    private static final String PROBLEM_SCHEMA = "Problem";

    private final boolean authEnabled;

    public ApiDocumentFilter(BoxOfficeConfig config) {
        this.authEnabled = config.auth().enabled();
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        List<SecurityRequirement> security = security(openAPI.getComponents());
        enumerateNotificationTypes(openAPI.getComponents());
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/q/")) {
                boolean open = Unauthenticated.PATHS.contains(path);
                item.getOperations().values().forEach(operation -> {
                    addCommonAnswers(operation, open);
                    describeBodyAndKey(operation);
                    giveErrorsTheProblem(operation);
                    operation.setSecurity(open ? new ArrayList<>() : new ArrayList<>(security));
                });
            }
        });
    }

    /**
     * With authentication on, a bearer token of the scheme the document declares
     * ({@code quarkus.smallrye-openapi.security-scheme}); with it off, nothing, and the document drops
     * that scheme, which no operation uses then.
     */
    private List<SecurityRequirement> security(Components components) {
        if (components == null || components.getSecuritySchemes() == null) {
            return List.of();
        }
        if (!authEnabled) {
            components.setSecuritySchemes(null);
            return List.of();
        }
        return components.getSecuritySchemes().keySet().stream()
                .map(scheme -> OASFactory.createSecurityRequirement().addScheme(scheme))
                .toList();
    }

    private static void addCommonAnswers(Operation operation, boolean open) {
        COMMON.forEach((status, description) -> {
            if (operation.getResponses().getAPIResponse(status) == null
                    && !(open && (status.equals("401") || status.equals("403")))) {
                operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse()
                        .description(open && status.equals("429") ? ANYONE_LIMITED : description));
            }
        });
    }

    /** A webhook's {@code events} name notification types: the enum lists every one the service sends. */
    private static void enumerateNotificationTypes(Components components) {
        if (components == null || components.getSchemas() == null) {
            return;
        }
        List<Object> types = Arrays.stream(NotificationType.values()).map(type -> (Object) type.wireName()).toList();
        for (String schema : List.of("CreateWebhook", "Webhook")) {
            Schema webhook = components.getSchemas().get(schema);
            if (webhook != null && webhook.getProperties() != null && webhook.getProperties().get("events") != null) {
                webhook.getProperties().get("events").setItems(OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING).enumeration(new ArrayList<>(types)));
            }
        }
    }

    private static void describeBodyAndKey(Operation operation) {
        if (operation.getRequestBody() != null && operation.getResponses().getAPIResponse("415") == null) {
            operation.getResponses().addAPIResponse("415", OASFactory.createAPIResponse()
                    .description("A body without Content-Type: application/json"));
        }
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getIn() == Parameter.In.HEADER && IdempotentRequests.HEADER.equals(parameter.getName())) {
                parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1)
                        .maxLength(IdempotentRequests.MAX_KEY_LENGTH).pattern(IdempotentRequests.KEY_PATTERN));
                String malformed = "an Idempotency-Key that is not 1 to " + IdempotentRequests.MAX_KEY_LENGTH
                        + " visible ASCII characters";
                APIResponse badRequest = operation.getResponses().getAPIResponse("400");
                if (badRequest == null) {
                    operation.getResponses().addAPIResponse("400", OASFactory.createAPIResponse()
                            .description(Character.toUpperCase(malformed.charAt(0)) + malformed.substring(1)));
                } else if (!badRequest.getDescription().contains(IdempotentRequests.HEADER)) {
                    badRequest.setDescription(badRequest.getDescription() + "; or " + malformed);
                }
            }
        }
    }

    private static void giveErrorsTheProblem(Operation operation) {
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if ((status.startsWith("4") || status.startsWith("5")) && response.getContent() == null) {
                response.setContent(problemContent());
            }
        });
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problems.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }
}
