package org.boxoffice.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Adds to every operation of the API the answers every operation can give (401, 403, 429, 503), so
 * the document lists them without each resource repeating them.
 */
public class ApiDocumentFilter implements OASFilter {

    private static final Map<String, String> COMMON = Map.of(
            "401", "No valid bearer token (with authentication on); WWW-Authenticate says why",
            "403", "The caller lacks the role this operation needs",
            "413", "The request body is larger than 16 KiB",
            "429", "Too many requests from this caller; Retry-After says when to retry",
            "503", "The ticket store cannot be reached; nothing was changed; Retry-After says when to retry");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/q/")) {
                item.getOperations().values().forEach(this::addCommonAnswers);
            }
        });
    }

    private void addCommonAnswers(Operation operation) {
        COMMON.forEach((status, description) -> {
            if (operation.getResponses().getAPIResponse(status) == null) {
                operation.getResponses().addAPIResponse(status, problem(description));
            }
        });
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType(Problems.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem"))));
    }
}
