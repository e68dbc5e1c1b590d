package org.boxoffice.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.boxoffice.domain.Booking;
import org.boxoffice.domain.BookingId;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.UnknownIdException;
import org.boxoffice.service.BookingService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /bookings}: book seats, all or nothing, and read bookings back. */
@Path("/bookings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Bookings")
public class BookingResource {

    private final BookingService bookings;

    public BookingResource(BookingService bookings) {
        this.bookings = bookings;
    }

    @POST
    @Operation(summary = "Book seats of an event: every requested seat, or none")
    @APIResponse(responseCode = "201", description = "Booked",
            headers = @Header(name = HttpHeaders.LOCATION, description = "/bookings/{booking_id}"),
            content = @Content(schema = @Schema(implementation = BookingResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a missing or wrong-typed field, an empty"
            + " seat list, duplicate seats, seats outside 1..total_seats, too many seats",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such event",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Some seats are taken (listed in unavailable_seats);"
            + " nothing was booked",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Body not sent as application/json",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull(message = "is required: send a JSON object") @Valid CreateBookingRequest body) {
        Booking booking = bookings.book(new EventId(body.eventId()), body.seats());
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, "/bookings/" + booking.id())
                .entity(BookingResponse.of(booking))
                .build();
    }

    @GET
    @Path("/{booking_id}")
    @Operation(summary = "Read one booking")
    @APIResponse(responseCode = "200", description = "The booking",
            content = @Content(schema = @Schema(implementation = BookingResponse.class)))
    @APIResponse(responseCode = "404", description = "No such booking",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BookingResponse get(@PathParam("booking_id") String bookingId) {
        return BookingId.parse(bookingId).flatMap(bookings::find).map(BookingResponse::of)
                .orElseThrow(() -> UnknownIdException.booking(bookingId));
    }
}
