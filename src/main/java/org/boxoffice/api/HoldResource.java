package org.boxoffice.api;

import static org.boxoffice.api.EventResource.IDEMPOTENCY_KEY_DOC;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Hold;
import org.boxoffice.domain.HoldId;
import org.boxoffice.domain.UnknownIdException;
import org.boxoffice.service.HoldService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /holds}: set seats aside while a customer checks out; they free themselves on expiry. */
@Path("/holds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Holds", description = "Seats set aside for a customer while they check out, until they expire")
public class HoldResource {

    private final HoldService holds;
    private final IdempotentRequests idempotent;
    private final Clock clock;
    private final Dispatch dispatch;
    private final Places places;

    public HoldResource(HoldService holds, IdempotentRequests idempotent, Clock clock, Dispatch dispatch,
            Places places) {
        this.holds = holds;
        this.idempotent = idempotent;
        this.clock = clock;
        this.dispatch = dispatch;
        this.places = places;
    }

    @POST
    @Operation(operationId = "placeHold",
            summary = "Hold seats until expires_at: explicit seats, or a quantity of the best available (in one row,"
                    + " side by side, stranding no single seat, front rows first, nearest the middle; optionally"
                    + " within a section or a category)")
    @APIResponse(responseCode = "201", description = "Held",
            headers = @Header(name = HttpHeaders.LOCATION, description = "/holds/{hold_id}",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = HoldResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input (as for bookings), both or neither of seats"
            + " and quantity, section or category with seats, both section and category, or a section or category"
            + " the event does not have")
    @APIResponse(responseCode = "404", description = "No such event")
    @APIResponse(responseCode = "409", description = "Seats taken (unavailable_seats), fewer free than quantity"
            + " (available_seats), the first request with this Idempotency-Key still running, hold-limit-reached"
            + " (boxoffice.max-held-seats-per-customer), or quota-exceeded: the customer would hold and have booked"
            + " more seats of the event than boxoffice.max-seats-per-customer")
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used for a different request")
    public Uni<Response> create(@NotNull(message = "is required: send a JSON object") @Valid CreateHoldRequest body,
            @Parameter(description = IDEMPOTENCY_KEY_DOC) @HeaderParam(IdempotentRequests.HEADER) String key) {
        return dispatch.forCaller(caller -> {
            body.checkForm();
            return idempotent.run(caller, key, "POST", "/holds", body, () -> {
                EventId eventId = new EventId(body.eventId());
                Hold hold = body.quantity() != null
                        ? holds.holdBestAvailable(caller, eventId, body.quantity(), body.scope())
                        : holds.holdSeats(caller, eventId, body.seats());
                return Response.status(Response.Status.CREATED)
                        .header(HttpHeaders.LOCATION, "/holds/" + hold.id())
                        .entity(HoldResponse.of(hold, clock.instant(), places))
                        .build();
            });
        });
    }

    @GET
    @Path("/{hold_id}")
    @Operation(operationId = "getHold", summary = "Read one hold, with its status now")
    @APIResponse(responseCode = "200", description = "The hold",
            content = @Content(schema = @Schema(implementation = HoldResponse.class)))
    @APIResponse(responseCode = "404", description = "No such hold")
    public Uni<HoldResponse> get(@PathParam("hold_id") String holdId) {
        return dispatch.forCaller(caller -> HoldId.parse(holdId).flatMap(id -> holds.find(caller, id))
                .map(hold -> HoldResponse.of(hold, clock.instant(), places))
                .orElseThrow(() -> UnknownIdException.hold(holdId)));
    }

    @DELETE
    @Path("/{hold_id}")
    @Operation(operationId = "releaseHold",
            summary = "Release a hold; its seats are free at once. Releasing twice is harmless.")
    @APIResponse(responseCode = "200", description = "The hold, released (or expired, if it had)",
            content = @Content(schema = @Schema(implementation = HoldResponse.class)))
    @APIResponse(responseCode = "404", description = "No such hold")
    @APIResponse(responseCode = "409", description = "The hold was confirmed; cancel the booking instead")
    public Uni<HoldResponse> release(@PathParam("hold_id") String holdId) {
        return dispatch.forCaller(caller -> {
            HoldId id = HoldId.parse(holdId).orElseThrow(() -> UnknownIdException.hold(holdId));
            return HoldResponse.of(holds.release(caller, id), clock.instant(), places);
        });
    }
}
