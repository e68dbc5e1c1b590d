package org.boxoffice.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.boxoffice.domain.UnknownIdException;

/** An id that names nothing: 404. */
@Provider
public class UnknownIdExceptionMapper implements ExceptionMapper<UnknownIdException> {

    @Override
    public Response toResponse(UnknownIdException exception) {
        return Problems.notFound(exception.getMessage() + ".");
    }
}
