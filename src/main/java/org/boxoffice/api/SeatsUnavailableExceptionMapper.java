package org.boxoffice.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.boxoffice.domain.SeatsUnavailableException;

/** Seats someone else has: 409 with {@code unavailable_seats}, so the client can pick others. */
@Provider
public class SeatsUnavailableExceptionMapper implements ExceptionMapper<SeatsUnavailableException> {

    @Override
    public Response toResponse(SeatsUnavailableException exception) {
        return Problems.seatsUnavailable(exception.unavailableSeats());
    }
}
