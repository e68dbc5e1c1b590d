package org.boxoffice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.UUID;
import org.boxoffice.domain.Layout;
import org.boxoffice.domain.Ticket;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One ticket of a booking: a seat, and the signed code that admits it. */
@Schema(name = "Ticket")
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TicketResponse(UUID ticketId, @Schema(examples = "23") int seat,
        @Schema(description = "Where the seat is; absent for an event without a layout")
        @JsonInclude(JsonInclude.Include.NON_NULL) Places.Place place,
        @Schema(description = "A JWS in compact form (RFC 7515), alg EdDSA (Ed25519), with the kid of its key in"
                + " GET /checkin/keys; its payload: {event_id, booking_id, ticket_id, seat}. Verify it offline;"
                + " draw it as a QR code (qr.svg)") String code) {

    /** The tickets of a booking, as {@code GET /bookings/{booking_id}/tickets} lists them. */
    @Schema(name = "TicketList")
    @RegisterForReflection
    public record Items(List<TicketResponse> items) {
    }

    static TicketResponse of(Ticket ticket, Layout layout, String code) {
        return new TicketResponse(ticket.id().value(), ticket.seat(), Places.of(layout, ticket.seat()), code);
    }
}
