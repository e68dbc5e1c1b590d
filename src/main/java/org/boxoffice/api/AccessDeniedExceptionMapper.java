package org.boxoffice.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.boxoffice.security.AccessDeniedException;

/** A verified caller without the role the operation needs: 403. */
@Provider
public class AccessDeniedExceptionMapper implements ExceptionMapper<AccessDeniedException> {

    @Override
    public Response toResponse(AccessDeniedException exception) {
        return Problems.builder(Problems.problem("forbidden", "Forbidden", 403, exception.getMessage() + "."))
                .build();
    }
}
