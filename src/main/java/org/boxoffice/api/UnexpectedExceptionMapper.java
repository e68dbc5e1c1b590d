package org.boxoffice.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Anything no other mapper expected is a fault of ours: 500 with a reference the operator can find in
 * the log, and nothing of the exception itself for the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Exception exception) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(exception, "Unexpected failure, reference %s", reference);
        return Problems.builder(Problems.problem("internal", "Internal Server Error", 500,
                "The server failed to answer this request; quote reference " + reference + " to the operator.")).build();
    }
}
