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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.boxoffice.domain.EntryId;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.UnknownIdException;
import org.boxoffice.domain.WaitlistEntry;
import org.boxoffice.service.WaitlistService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /events/{event_id}/waitlist}: wait for seats of a sold-out event; freed seats are offered in turn. */
@Path("/events/{event_id}/waitlist")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Waiting list", description = "Customers waiting for a sold-out event's seats; seats that come free are"
        + " offered in the order they joined, as holds")
public class WaitlistResource {

    private final WaitlistService waitlist;
    private final IdempotentRequests idempotent;
    private final Dispatch dispatch;
    private final Clock clock;

    public WaitlistResource(WaitlistService waitlist, IdempotentRequests idempotent, Dispatch dispatch, Clock clock) {
        this.waitlist = waitlist;
        this.idempotent = idempotent;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    @POST
    @Operation(operationId = "joinWaitlist", summary = "Wait for seats of a sold-out event: when seats come free,"
            + " the first entry whose quantity fits is offered a hold of them for boxoffice.waitlist.offer-ttl")
    @APIResponse(responseCode = "201", description = "Waiting, with its position (1 is next)",
            headers = @Header(name = HttpHeaders.LOCATION, description = "/events/{event_id}/waitlist/{entry_id}",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = WaitlistEntryResponse.class)))
    @APIResponse(responseCode = "400", description = "A missing quantity, or one out of range")
    @APIResponse(responseCode = "404", description = "No such event")
    @APIResponse(responseCode = "409", description = "seats-available: that many seats are free, book them"
            + " (available_seats); event-cancelled; or the first request with this Idempotency-Key still running")
    @APIResponse(responseCode = "415", description = "Body not sent as application/json")
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used for a different request")
    public Uni<Response> join(@PathParam("event_id") String eventId,
            @NotNull(message = "is required: send a JSON object") @Valid JoinWaitlistRequest body,
            @Parameter(description = IDEMPOTENCY_KEY_DOC) @HeaderParam(IdempotentRequests.HEADER) String key) {
        return dispatch.forCaller(caller -> {
            EventId id = EventId.parse(eventId).orElseThrow(() -> UnknownIdException.event(eventId));
            return idempotent.run(caller, key, "POST", "/events/" + id + "/waitlist", body, () -> {
                WaitlistEntry entry = waitlist.join(caller, id, body.quantity());
                return Response.status(Response.Status.CREATED)
                        .header(HttpHeaders.LOCATION, "/events/" + id + "/waitlist/" + entry.id())
                        .entity(WaitlistEntryResponse.of(entry, clock.instant()))
                        .build();
            });
        });
    }

    @GET
    @Operation(operationId = "listWaitlist", summary = "List an event's waiting list in the order it is served")
    @APIResponse(responseCode = "200", description = "A page of entries; next_cursor is null on the last page",
            content = @Content(schema = @Schema(implementation = PageResponse.class)))
    @APIResponse(responseCode = "400", description = "A bad limit or cursor")
    @APIResponse(responseCode = "403", description = "Not the event's organizer nor an admin")
    @APIResponse(responseCode = "404", description = "No such event")
    public Uni<PageResponse<WaitlistEntryResponse>> list(@PathParam("event_id") String eventId,
            @Parameter(description = "Page size, 1 to 100 (default 20)", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "next_cursor of the previous page") @QueryParam("cursor") String cursor) {
        return dispatch.forCaller(caller -> {
            EventId id = EventId.parse(eventId).orElseThrow(() -> UnknownIdException.event(eventId));
            return Paging.response(waitlist.list(caller, id, Paging.request(limit, cursor)),
                    entry -> WaitlistEntryResponse.of(entry, clock.instant()));
        });
    }

    @GET
    @Path("/{entry_id}")
    @Operation(operationId = "getWaitlistEntry", summary = "Read one entry: its status now, its position while"
            + " waiting, its offer's hold_id while offered")
    @APIResponse(responseCode = "200", description = "The entry",
            content = @Content(schema = @Schema(implementation = WaitlistEntryResponse.class)))
    @APIResponse(responseCode = "404", description = "No such entry of this event, or not the caller's")
    public Uni<WaitlistEntryResponse> get(@PathParam("event_id") String eventId,
            @PathParam("entry_id") String entryId) {
        return dispatch.forCaller(caller -> EventId.parse(eventId)
                .flatMap(event -> EntryId.parse(entryId).flatMap(id -> waitlist.find(caller, event, id)))
                .map(entry -> WaitlistEntryResponse.of(entry, clock.instant()))
                .orElseThrow(() -> UnknownIdException.entry(entryId)));
    }

    @DELETE
    @Path("/{entry_id}")
    @Operation(operationId = "leaveWaitlist", summary = "Leave the waiting list; a live offer's hold is released"
            + " and its seats offered to the next entry. Leaving again is harmless.")
    @APIResponse(responseCode = "204", description = "Left (or no longer waiting)")
    @APIResponse(responseCode = "404", description = "No such entry of this event, or not the caller's")
    public Uni<Response> leave(@PathParam("event_id") String eventId, @PathParam("entry_id") String entryId) {
        return dispatch.forCaller(caller -> {
            EventId event = EventId.parse(eventId).orElseThrow(() -> UnknownIdException.entry(entryId));
            EntryId id = EntryId.parse(entryId).orElseThrow(() -> UnknownIdException.entry(entryId));
            waitlist.leave(caller, event, id);
            return Response.noContent().build();
        });
    }
}
