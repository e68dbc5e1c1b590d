package org.boxoffice.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.boxoffice.domain.BookingId;
import org.boxoffice.domain.TicketId;
import org.boxoffice.domain.UnknownIdException;
import org.boxoffice.service.TicketService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /bookings/{booking_id}/tickets}: a booking's tickets, each seat's signed code and its QR code. */
@Path("/bookings/{booking_id}/tickets")
@Tag(name = "Tickets", description = "Every booked seat is a ticket with a signed code that any scanner verifies"
        + " offline with the keys of GET /checkin/keys")
public class TicketResource {

    private final TicketService tickets;
    private final Dispatch dispatch;
    private final Places places;

    public TicketResource(TicketService tickets, Dispatch dispatch, Places places) {
        this.tickets = tickets;
        this.dispatch = dispatch;
        this.places = places;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listTickets", summary = "List a booking's tickets: one per seat not cancelled, with its"
            + " code (a JWS signed with Ed25519)")
    @APIResponse(responseCode = "200", description = "The tickets, by seat",
            content = @Content(schema = @Schema(implementation = TicketResponse.Items.class)))
    @APIResponse(responseCode = "404", description = "No such booking")
    public Uni<TicketResponse.Items> list(@PathParam("booking_id") String bookingId) {
        return dispatch.forCaller(caller -> BookingId.parse(bookingId).flatMap(id -> tickets.tickets(caller, id))
                .map(issued -> new TicketResponse.Items(issued.stream().map(one -> TicketResponse.of(one.ticket(),
                        places.layout(one.ticket().eventId()), one.code())).toList()))
                .orElseThrow(() -> UnknownIdException.booking(bookingId)));
    }

    @GET
    @Path("/{ticket_id}/qr.svg")
    @Produces(QrCodes.MEDIA_TYPE)
    @Operation(operationId = "getTicketQrCode", summary = "Draw a ticket's code as a QR code, for a phone's screen or"
            + " print")
    @APIResponse(responseCode = "200", description = "The QR code of the ticket's code",
            content = @Content(mediaType = QrCodes.MEDIA_TYPE, schema = @Schema(type =
                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such booking, or no such live ticket of it")
    public Uni<Response> qrCode(@PathParam("booking_id") String bookingId, @PathParam("ticket_id") String ticketId) {
        return dispatch.forCaller(caller -> BookingId.parse(bookingId)
                .flatMap(booking -> TicketId.parse(ticketId).flatMap(id -> tickets.ticket(caller, booking, id)))
                .map(issued -> Response.ok(QrCodes.svg(issued.code()), QrCodes.MEDIA_TYPE)
                        // The code is the ticket: like a password, it is not kept by caches along the way.
                        .header("Cache-Control", "private, no-store").build())
                .orElseThrow(() -> UnknownIdException.ticket(ticketId)));
    }
}
