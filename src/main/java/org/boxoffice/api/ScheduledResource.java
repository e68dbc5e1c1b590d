package org.boxoffice.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.boxoffice.service.Deliveries;
import org.boxoffice.service.Sweeper;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /scheduled}: the work that is due, done before the answer: holds that expired are told of
 * ({@code hold.expired}), the seats free are offered to waiting lists ({@code waitlist.offered}) and due
 * webhook deliveries are sent. For a scheduler to call every minute where
 * background threads cannot be relied on: AWS Lambda freezes a function between invocations (an EventBridge
 * schedule in the SAM template), Knative may scale a service to zero (a PingSource). Anyone may call it, with
 * no token, as those schedulers send none: it does only what is due anyway, a call while one runs on the same
 * instance returns at once, and all callers share one rate limit per instance ({@link RateLimitFilter}). It asks
 * for no token ({@link Unauthenticated}).
 */
@Path("/scheduled")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "For schedulers and operators")
public class ScheduledResource {

    /** No new batch of deliveries starts after this; with a 10 s receiver timeout, a run fits Lambda's 15 s. */
    private static final Duration DELIVERY_BUDGET = Duration.ofSeconds(2);

    private final Sweeper sweeper;
    private final Deliveries deliveries;
    private final AtomicBoolean running = new AtomicBoolean();

    public ScheduledResource(Sweeper sweeper, Deliveries deliveries) {
        this.sweeper = sweeper;
        this.deliveries = deliveries;
    }

    /** What a run did. */
    @Schema(name = "ScheduledRun")
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ScheduledRunResponse(
            @Schema(description = "Holds found expired, each now with its hold.expired") int expiredHolds,
            @Schema(description = "Offers made to waiting lists of the seats free now, each with its"
                    + " waitlist.offered") int waitlistOffers,
            @Schema(description = "Notifications handed out to the webhooks that receive them") int handedOut,
            int delivered,
            @Schema(description = "Attempts that failed and will be tried again") int retrying,
            @Schema(description = "Deliveries given up: the retry schedule ran out, or 410 Gone") int failed,
            @Schema(description = "Whether another run on this instance was going, so this one did nothing")
            boolean skipped) {
    }

    /** Runs on a worker thread (a plain, non-reactive method): it waits on the store and on receivers. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "runScheduled", summary = "Do the work that is due: tell of expired holds, offer free"
            + " seats to waiting lists, send due webhook deliveries. Called every minute by a scheduler (EventBridge"
            + " on AWS Lambda, a PingSource on"
            + " Knative); the body, if any, is ignored")
    @APIResponse(responseCode = "200", description = "What was done",
            content = @Content(schema = @Schema(implementation = ScheduledRunResponse.class)))
    public ScheduledRunResponse run() {
        if (!running.compareAndSet(false, true)) {
            return new ScheduledRunResponse(0, 0, 0, 0, 0, 0, true);
        }
        try {
            Sweeper.Swept swept = sweeper.sweep();
            Deliveries.Run run = deliveries.drain(DELIVERY_BUDGET);
            return new ScheduledRunResponse(swept.expiredHolds(), swept.offers(), run.handedOut(), run.delivered(),
                    run.retrying(), run.failed(), false);
        } finally {
            running.set(false);
        }
    }
}
