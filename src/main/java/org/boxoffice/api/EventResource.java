package org.boxoffice.api;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.util.List;
import java.util.Optional;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.EventFilter;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.UnknownIdException;
import org.boxoffice.service.EventService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /events}: schedule events and see their seats. */
@Path("/events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Events", description = "Scheduled events and the state of their seats; organizers create them")
public class EventResource {

    static final String IDEMPOTENCY_KEY_DOC = "Makes retries safe: the same key with the same body replays the"
            + " first answer; kept for boxoffice.idempotency.retention";

    private final EventService events;
    private final IdempotentRequests idempotent;
    private final Dispatch dispatch;

    public EventResource(EventService events, IdempotentRequests idempotent, Dispatch dispatch) {
        this.events = events;
        this.idempotent = idempotent;
        this.dispatch = dispatch;
    }

    @POST
    @Operation(operationId = "createEvent", summary = "Create an event")
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = HttpHeaders.LOCATION, description = "/events/{event_id}",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a missing or wrong-typed field, a blank"
            + " name or venue, total_seats out of range, a past or unreadable date_time, a broken layout (more"
            + " sections than boxoffice.max-sections-per-layout or rows than boxoffice.max-rows-per-layout, among"
            + " others), pricing or refund policy (each named by its path)")
    @APIResponse(responseCode = "415", description = "Body not sent as application/json")
    @APIResponse(responseCode = "409", description = "The first request with this Idempotency-Key is still running,"
            + " or quota-exceeded: the organizer has boxoffice.max-events-per-organizer events to come already")
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used for a different request")
    public Uni<Response> create(@NotNull(message = "is required: send a JSON object") @Valid CreateEventRequest body,
            @Parameter(description = IDEMPOTENCY_KEY_DOC) @HeaderParam(IdempotentRequests.HEADER) String key) {
        return dispatch.forCaller(caller -> idempotent.run(caller, key, "POST", "/events", body, () -> {
            Event event = events.create(caller, body.plan());
            return Response.status(Response.Status.CREATED)
                    .header(HttpHeaders.LOCATION, "/events/" + event.id())
                    .entity(EventResponse.of(event))
                    .build();
        }));
    }

    @GET
    @Operation(operationId = "listEvents", summary = "List events by start time, then id")
    @APIResponse(responseCode = "200", description = "A page of events, without their layouts (GET"
            + " /events/{event_id} has each one's); next_cursor is null on the last page",
            content = @Content(schema = @Schema(implementation = PageResponse.class)))
    @APIResponse(responseCode = "400", description = "A bad limit, cursor, from or to")
    public Uni<PageResponse<EventResponse>> list(
            @Parameter(description = "Only events at this venue (ignoring case)") @QueryParam("venue") String venue,
            @Parameter(description = "Only events starting at or after this time: a date (its start, UTC),"
                    + " \"2030-01-01 19:00\" or ISO-8601 (without an offset, UTC)",
                    schema = @Schema(type = SchemaType.STRING, examples = "2030-01-01")) @QueryParam("from") String from,
            @Parameter(description = "Only events starting before this time, in the forms from takes",
                    schema = @Schema(type = SchemaType.STRING, examples = "2031-01-01T00:00:00Z")) @QueryParam("to") String to,
            @Parameter(description = "Page size, 1 to 100 (default 20)", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "next_cursor of the previous page") @QueryParam("cursor") String cursor) {
        return dispatch.forCaller(caller -> {
            EventFilter filter = new EventFilter(Optional.ofNullable(venue).filter(v -> !v.isBlank()),
                    Optional.ofNullable(from).map(f -> DateTimes.parseBound("from", f)),
                    Optional.ofNullable(to).map(t -> DateTimes.parseBound("to", t)));
            return Paging.response(events.list(filter, Paging.request(limit, cursor)), EventResponse::listed);
        });
    }

    @GET
    @Path("/{event_id}")
    @Operation(operationId = "getEvent", summary = "Read one event")
    @APIResponse(responseCode = "200", description = "The event",
            content = @Content(schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(responseCode = "404", description = "No such event")
    public Uni<EventResponse> get(@PathParam("event_id") String eventId) {
        return dispatch.forCaller(caller -> EventId.parse(eventId).flatMap(events::find).map(EventResponse::of)
                .orElseThrow(() -> UnknownIdException.event(eventId)));
    }

    @GET
    @Path("/{event_id}/seats")
    @Operation(operationId = "getSeatCounts", summary = "Count an event's seats: total, booked, held and available")
    @APIResponse(responseCode = "200", description = "The counts, which always add up to total_seats",
            content = @Content(schema = @Schema(implementation = SeatCountsResponse.class)))
    @APIResponse(responseCode = "404", description = "No such event")
    public Uni<SeatCountsResponse> seats(@PathParam("event_id") String eventId) {
        return dispatch.forCaller(caller -> EventId.parse(eventId).flatMap(events::seatCounts)
                .map(SeatCountsResponse::of).orElseThrow(() -> UnknownIdException.event(eventId)));
    }

    @POST
    @Path("/{event_id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "cancelEvent", summary = "Cancel an event: no new holds or bookings, every live hold"
            + " released, every booking refunded in full. Cancelling again answers the same.")
    @APIResponse(responseCode = "200", description = "The event, cancelled",
            content = @Content(schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(responseCode = "403", description = "Not the event's organizer nor an admin")
    @APIResponse(responseCode = "404", description = "No such event")
    @APIResponse(responseCode = "409", description = "The first request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used for a different request")
    public Uni<Response> cancel(@PathParam("event_id") String eventId,
            @Parameter(description = IDEMPOTENCY_KEY_DOC) @HeaderParam(IdempotentRequests.HEADER) String key) {
        return dispatch.forCaller(caller -> {
            EventId id = EventId.parse(eventId).orElseThrow(() -> UnknownIdException.event(eventId));
            return idempotent.run(caller, key, "POST", "/events/" + id + "/cancel", List.of(), () ->
                    Response.ok(EventResponse.of(events.cancel(caller, id))).build());
        });
    }

    @GET
    @Path("/{event_id}/report")
    @Operation(operationId = "getSalesReport", summary = "An event's sales: gross, refunds, net, bookings, and seats"
            + " and takings per price category, from one consistent reading")
    @APIResponse(responseCode = "200", description = "gross - refunds = net: what the live parts of the bookings"
            + " are worth", content = @Content(schema = @Schema(implementation = SalesReportResponse.class)))
    @APIResponse(responseCode = "403", description = "Not the event's organizer nor an admin")
    @APIResponse(responseCode = "404", description = "No such event")
    public Uni<SalesReportResponse> report(@PathParam("event_id") String eventId) {
        return dispatch.forCaller(caller -> EventId.parse(eventId).flatMap(id -> events.report(caller, id))
                .map(SalesReportResponse::of).orElseThrow(() -> UnknownIdException.event(eventId)));
    }

    @GET
    @Path("/{event_id}/seatmap")
    @Operation(operationId = "getSeatMap", summary = "Draw an event's seats: each section and row with its free and"
            + " held seats as ranges")
    @APIResponse(responseCode = "200", description = "Sections and rows in layout order; seats neither free nor"
            + " held are booked", content = @Content(schema = @Schema(implementation = SeatMapResponse.class)))
    @APIResponse(responseCode = "404", description = "No such event")
    public Uni<SeatMapResponse> seatMap(@PathParam("event_id") String eventId) {
        return dispatch.forCaller(caller -> EventId.parse(eventId).flatMap(events::seatPlan)
                .map(SeatMapResponse::of).orElseThrow(() -> UnknownIdException.event(eventId)));
    }

    @GET
    @Path("/{event_id}/seats/available")
    @Operation(operationId = "getAvailableSeats", summary = "List an event's free seats as ranges")
    @APIResponse(responseCode = "200", description = "Ascending [first, last] runs of free seats",
            content = @Content(schema = @Schema(implementation = AvailableSeatsResponse.class)))
    @APIResponse(responseCode = "404", description = "No such event")
    public Uni<AvailableSeatsResponse> availableSeats(@PathParam("event_id") String eventId) {
        return dispatch.forCaller(caller -> EventId.parse(eventId).flatMap(events::availableSeats)
                .map(AvailableSeatsResponse::of).orElseThrow(() -> UnknownIdException.event(eventId)));
    }
}
