package org.boxoffice.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.boxoffice.domain.NotEnoughSeatsException;

/** A best-available hold for more seats than are free: 409 with {@code available_seats}. */
@Provider
public class NotEnoughSeatsExceptionMapper implements ExceptionMapper<NotEnoughSeatsException> {

    @Override
    public Response toResponse(NotEnoughSeatsException exception) {
        return Problems.notEnoughSeats(exception.requested(), exception.available());
    }
}
