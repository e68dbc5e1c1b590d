package org.boxoffice.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The HTTP-level refusals the framework raises (no such path, method not allowed, unsupported content
 * type, …) in the problem shape, keeping their status and the {@code Allow} header.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        // Quarkus REST wraps a body it cannot read as JSON (bad syntax, a number too large) in a plain 400.
        if (exception.getCause() instanceof JsonProcessingException unreadable) {
            return JsonInputProblems.of(unreadable);
        }
        Response original = exception.getResponse();
        Response.StatusType status = original.getStatusInfo();
        Response.ResponseBuilder answer = Problems.builder(problem(status));
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            answer.header(HttpHeaders.ALLOW, allow);
        }
        return answer.build();
    }

    private static Problem problem(Response.StatusType status) {
        int code = status.getStatusCode();
        String title = status.getReasonPhrase();
        return switch (code) {
            case 404 -> Problems.problem("not-found", title, code, "Nothing is found at this path.");
            case 405 -> Problems.problem("method-not-allowed", title, code,
                    "This method is not allowed on this path.");
            case 406 -> Problems.problem("not-acceptable", title, code, "This path answers application/json only.");
            case 415 -> Problems.problem("unsupported-media-type", title, code,
                    "Send the request body as application/json.");
            default -> code >= 500
                    ? Problems.problem("internal", "Internal Server Error", 500, "The server failed; please retry later.")
                    : Problems.problem("http-" + code, title, code, title + ".");
        };
    }
}
