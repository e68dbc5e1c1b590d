package org.boxoffice.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.boxoffice.domain.StoreUnavailableException;
import org.jboss.logging.Logger;

/** The database cannot be reached: 503 with {@code Retry-After}; the transaction changed nothing. */
@Provider
public class StoreUnavailableExceptionMapper implements ExceptionMapper<StoreUnavailableException> {

    static final int RETRY_AFTER_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(StoreUnavailableExceptionMapper.class);

    @Override
    public Response toResponse(StoreUnavailableException exception) {
        LOG.warnf("Store unavailable: %s", exception.getCause() == null ? exception : exception.getCause().getMessage());
        return Problems.builder(Problems.problem("store-unavailable", "Service Unavailable", 503,
                        "The ticket store cannot be reached right now; nothing was changed. Retry shortly."))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }
}
