package org.boxoffice.api;

import org.boxoffice.api.http.Callers;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.boxoffice.security.Caller;
import org.boxoffice.service.BoxOfficeConfig;

/**
 * Runs the work of a request for its verified caller, on the thread the stores allow. The endpoints
 * are non-blocking, so a request starts on the HTTP event loop; with stores that never wait (the
 * in-memory ones) the work runs right there, with no hand-off to a worker thread and back (a large
 * share of such a short request's cost: bench/RESULTS.md). With stores that wait on I/O
 * (PostgreSQL) the work moves to a worker thread, keeping the request's Vert.x context (its
 * request id in the logs). The stores are chosen at start, so this choice is made once.
 */
@ApplicationScoped
public class Dispatch {

    private final Callers callers;
    private final boolean blocking;

    public Dispatch(Callers callers, BoxOfficeConfig config) {
        this.callers = callers;
        this.blocking = config.store().waitsOnIo();
    }

    /** Like {@link #forCaller}, on a worker thread whatever the stores: for work that waits (DNS, HTTP). */
    public <T> Uni<T> forCallerBlocking(Function<Caller, T> work) {
        return callers.verified().chain(caller -> VertxContextSupport.executeBlocking(() -> work.apply(caller)));
    }

    /** {@code work} for the caller of this request; it fails as the caller check or the work throws. */
    public <T> Uni<T> forCaller(Function<Caller, T> work) {
        // map rather than chain where the work runs right here: one Uni fewer per request.
        return blocking ? forCallerBlocking(work) : callers.verified().map(work);
    }
}
