package org.boxoffice.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.boxoffice.domain.InvalidRequestException;

/** A broken booking rule (past date, seat out of range, …): 400 listing every field at fault. */
@Provider
public class InvalidRequestExceptionMapper implements ExceptionMapper<InvalidRequestException> {

    @Override
    public Response toResponse(InvalidRequestException exception) {
        return Problems.invalidRequest("The request breaks a rule; nothing was changed.",
                exception.violations().stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList());
    }
}
