package org.boxoffice.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.boxoffice.domain.HoldLimitExceededException;

/** A customer holding too many seats of one event already: 409; release or confirm some first. */
@Provider
public class HoldLimitExceededExceptionMapper implements ExceptionMapper<HoldLimitExceededException> {

    @Override
    public Response toResponse(HoldLimitExceededException exception) {
        return Problems.conflict("hold-limit-reached", "Hold limit reached", "A customer may hold at most "
                + exception.limit() + " seats of an event at once and holds " + exception.alreadyHeld()
                + " already; confirm or release a hold first. Nothing was held.");
    }
}
