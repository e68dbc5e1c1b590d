package org.boxoffice.api;

import static org.boxoffice.api.EventResource.IDEMPOTENCY_KEY_DOC;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.boxoffice.domain.Booking;
import org.boxoffice.domain.BookingId;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.HoldId;
import org.boxoffice.domain.UnknownIdException;
import org.boxoffice.service.BookingService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /bookings}: book seats all or nothing, confirm holds, cancel, read and list. */
@Path("/bookings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Bookings", description = "Seats sold to a customer, all or nothing, directly or by confirming a hold")
public class BookingResource {

    private final BookingService bookings;
    private final IdempotentRequests idempotent;
    private final Dispatch dispatch;
    private final Places places;
    private final ObjectMapper json;

    public BookingResource(BookingService bookings, IdempotentRequests idempotent, Dispatch dispatch, Places places,
            ObjectMapper json) {
        this.bookings = bookings;
        this.idempotent = idempotent;
        this.dispatch = dispatch;
        this.places = places;
        this.json = json;
    }

    @POST
    @Operation(operationId = "bookSeats",
            summary = "Book seats of an event (every requested seat, or none), or confirm a live hold")
    @APIResponse(responseCode = "201", description = "Booked",
            headers = @Header(name = HttpHeaders.LOCATION, description = "/bookings/{booking_id}",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = BookingResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a missing or wrong-typed field, an empty"
            + " seat list, duplicate seats, seats outside 1..total_seats, too many seats, hold_id mixed with seats")
    @APIResponse(responseCode = "404", description = "No such event or hold")
    @APIResponse(responseCode = "409", description = "Seats taken (listed in unavailable_seats; nothing was"
            + " booked), a hold that expired, was released or was confirmed already, the first request with"
            + " this Idempotency-Key still running, or quota-exceeded: the customer would hold and have booked"
            + " more seats of the event than boxoffice.max-seats-per-customer")
    @APIResponse(responseCode = "415", description = "Body not sent as application/json")
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used for a different request")
    public Uni<Response> create(@NotNull(message = "is required: send a JSON object") @Valid CreateBookingRequest body,
            @Parameter(description = IDEMPOTENCY_KEY_DOC) @HeaderParam(IdempotentRequests.HEADER) String key) {
        return dispatch.forCaller(caller -> {
            body.checkForm();
            return idempotent.run(caller, key, "POST", "/bookings", body, () -> {
                Booking booking = body.confirmsHold()
                        ? bookings.confirm(caller, new HoldId(body.holdId()), body.paymentReference())
                        : bookings.book(caller, new EventId(body.eventId()), body.seats(), body.paymentReference());
                return Response.status(Response.Status.CREATED)
                        .header(HttpHeaders.LOCATION, "/bookings/" + booking.id())
                        .entity(BookingResponse.of(booking, places))
                        .build();
            });
        });
    }

    @GET
    @Operation(operationId = "listBookings", summary = "List bookings by creation time, then id")
    @APIResponse(responseCode = "200", description = "A page of bookings; next_cursor is null on the last page",
            content = @Content(schema = @Schema(implementation = PageResponse.class)))
    @APIResponse(responseCode = "400", description = "A bad limit or cursor")
    public Uni<PageResponse<BookingResponse>> list(
            @Parameter(description = "Page size, 1 to 100 (default 20)", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "next_cursor of the previous page") @QueryParam("cursor") String cursor) {
        return dispatch.forCaller(caller ->
                Paging.response(bookings.list(caller, Paging.request(limit, cursor)),
                        booking -> BookingResponse.of(booking, places)));
    }

    @GET
    @Path("/{booking_id}")
    @Operation(operationId = "getBooking", summary = "Read one booking")
    @APIResponse(responseCode = "200", description = "The booking",
            content = @Content(schema = @Schema(implementation = BookingResponse.class)))
    @APIResponse(responseCode = "404", description = "No such booking")
    public Uni<BookingResponse> get(@PathParam("booking_id") String bookingId) {
        return dispatch.forCaller(caller -> BookingId.parse(bookingId).flatMap(id -> bookings.find(caller, id))
                .map(booking -> BookingResponse.of(booking, places))
                .orElseThrow(() -> UnknownIdException.booking(bookingId)));
    }

    @POST
    @Path("/{booking_id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "cancelBooking", summary = "Cancel a booking, or some of its seats; they are free at once"
            + " and refunded by the event's refund policy. Cancelling the same again answers the same refund.")
    @APIResponse(responseCode = "200", description = "The booking as it now stands, with the refund this made",
            content = @Content(schema = @Schema(implementation = BookingResponse.class)))
    @APIResponse(responseCode = "400", description = "Seats that are not seats of this booking, repeated, or not a"
            + " list of seat numbers")
    @APIResponse(responseCode = "404", description = "No such booking")
    @APIResponse(responseCode = "409", description = "Some seats named were cancelled already, by another"
            + " cancellation; or the first request with this Idempotency-Key still running")
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used for a different request")
    public Uni<Response> cancel(@PathParam("booking_id") String bookingId,
            @RequestBody(description = "Optional: {\"seats\": [...]} cancels only those seats; without a body,"
                    + " all of them", required = false,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CancelBookingRequest.class))) String body,
            @Parameter(description = IDEMPOTENCY_KEY_DOC) @HeaderParam(IdempotentRequests.HEADER) String key) {
        return dispatch.forCaller(caller -> {
            BookingId id = BookingId.parse(bookingId).orElseThrow(() -> UnknownIdException.booking(bookingId));
            Optional<List<Integer>> seats = CancelBookingRequest.read(json, body).map(CancelBookingRequest::seats);
            return idempotent.run(caller, key, "POST", "/bookings/" + id + "/cancel", seats.orElse(List.of()), () ->
                    Response.ok(BookingResponse.of(bookings.cancel(caller, id, seats), places)).build());
        });
    }
}
