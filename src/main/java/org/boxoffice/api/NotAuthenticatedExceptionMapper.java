package org.boxoffice.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.boxoffice.security.NotAuthenticatedException;

/** No valid bearer token: 401 with the RFC 6750 {@code WWW-Authenticate} challenge. */
@Provider
public class NotAuthenticatedExceptionMapper implements ExceptionMapper<NotAuthenticatedException> {

    @Override
    public Response toResponse(NotAuthenticatedException exception) {
        String challenge = exception.tokenPresented()
                ? "Bearer realm=\"boxoffice\", error=\"invalid_token\""
                : "Bearer realm=\"boxoffice\"";
        return Problems.builder(Problems.problem("unauthenticated", "Unauthorized", 401, exception.getMessage()))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .build();
    }
}
