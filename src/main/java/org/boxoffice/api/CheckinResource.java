package org.boxoffice.api;

import static org.boxoffice.api.EventResource.IDEMPOTENCY_KEY_DOC;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.boxoffice.domain.CheckIn;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.UnknownIdException;
import org.boxoffice.service.TicketService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /events/{event_id}/checkins}: scan a ticket's code at the door. */
@Path("/events/{event_id}/checkins")
@Tag(name = "Check-in", description = "Tickets scanned at the door: checked in at most once per entry, across"
        + " every instance")
public class CheckinResource {

    private final TicketService tickets;
    private final IdempotentRequests idempotent;
    private final Dispatch dispatch;
    private final Places places;

    public CheckinResource(TicketService tickets, IdempotentRequests idempotent, Dispatch dispatch, Places places) {
        this.tickets = tickets;
        this.idempotent = idempotent;
        this.dispatch = dispatch;
        this.places = places;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkIn", summary = "Scan a ticket at the door: an entry checks it in, at most once"
            + " until it exits, however many scanners and instances see it")
    @APIResponse(responseCode = "200", description = "Let in (checked-in) or out (checked-out)",
            content = @Content(schema = @Schema(implementation = CheckInResponse.class)))
    @APIResponse(responseCode = "400", description = "invalid-ticket: a code that is forged, altered, or for another"
            + " event; or a missing code or gate, an unknown direction")
    @APIResponse(responseCode = "403", description = "Not the event's organizer, an admin nor a scanner")
    @APIResponse(responseCode = "404", description = "No such event")
    @APIResponse(responseCode = "409", description = "already-checked-in (with the first entry's at and gate),"
            + " ticket-cancelled, not-checked-in (an exit), or the first request with this Idempotency-Key still"
            + " running")
    @APIResponse(responseCode = "415", description = "Body not sent as application/json")
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used for a different request")
    public Uni<Response> checkIn(@PathParam("event_id") String eventId,
            @NotNull(message = "is required: send a JSON object") @Valid CheckInRequest body,
            @Parameter(description = IDEMPOTENCY_KEY_DOC + "; a scanner retrying on a bad network gets the same"
                    + " answer") @HeaderParam(IdempotentRequests.HEADER) String key) {
        return dispatch.forCaller(caller -> {
            EventId id = EventId.parse(eventId).orElseThrow(() -> UnknownIdException.event(eventId));
            CheckIn.Direction direction = body.way();
            return idempotent.run(caller, key, "POST", "/events/" + id + "/checkins", body, () -> {
                CheckIn scanned = tickets.checkIn(caller, id, body.code(), direction, body.gate());
                return Response.ok(CheckInResponse.of(scanned, places.layout(id))).build();
            });
        });
    }
}
