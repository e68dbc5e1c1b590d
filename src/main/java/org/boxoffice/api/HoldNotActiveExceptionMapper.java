package org.boxoffice.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.boxoffice.domain.HoldNotActiveException;

/** A hold that expired, was released or was confirmed already: 409 saying which. */
@Provider
public class HoldNotActiveExceptionMapper implements ExceptionMapper<HoldNotActiveException> {

    @Override
    public Response toResponse(HoldNotActiveException exception) {
        String status = exception.status().wireName();
        String detail = switch (exception.status()) {
            case EXPIRED -> "Hold " + exception.holdId() + " expired; its seats are free again. Place a new hold.";
            case RELEASED -> "Hold " + exception.holdId() + " was released; its seats are free again.";
            case CONFIRMED -> "Hold " + exception.holdId() + " was confirmed already; see its booking_id.";
            case HELD -> throw new IllegalStateException("a live hold is active");
        };
        return Problems.conflict("hold-" + status, "Hold " + status, detail);
    }
}
