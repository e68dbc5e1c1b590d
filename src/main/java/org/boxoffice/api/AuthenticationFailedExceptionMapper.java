package org.boxoffice.api;

import io.quarkus.security.AuthenticationFailedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.boxoffice.security.NotAuthenticatedException;

/**
 * A bearer token smallrye-jwt rejected (expired, badly signed, another issuer, not a JWT) when
 * Quarkus authenticates before our code asks: the same 401 problem as {@link Callers} answers.
 */
@Provider
public class AuthenticationFailedExceptionMapper implements ExceptionMapper<AuthenticationFailedException> {

    private final NotAuthenticatedExceptionMapper notAuthenticated = new NotAuthenticatedExceptionMapper();

    @Override
    public Response toResponse(AuthenticationFailedException exception) {
        return notAuthenticated.toResponse(new NotAuthenticatedException(
                "The bearer token is not valid: expired, badly signed, from another issuer, or not a JWT.", true));
    }
}
