package org.boxoffice.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem: the one shape of every error this service answers. {@code errors} is set for
 * invalid input, {@code unavailable_seats} for seat conflicts, {@code available_seats} when a
 * best-available hold asks for more seats than are free (or a waiting customer asks for seats that are
 * free), {@code at} and {@code gate} when a ticket is checked in already.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Problem(
        @Schema(examples = "urn:boxoffice:problem:invalid-request", required = true) String type,
        @Schema(examples = "Invalid request", required = true) String title,
        @Schema(examples = "400") int status,
        String detail,
        List<FieldError> errors,
        @Schema(description = "Seats taken by someone else (seat conflicts)") int[] unavailableSeats,
        @Schema(description = "How many seats are free (best-available conflicts, seats-available)")
        Integer availableSeats,
        @Schema(description = "already-checked-in: when the ticket was checked in") Instant at,
        @Schema(description = "already-checked-in: through which gate") String gate,
        @Schema(description = "The request's X-Request-Id, also in the server's log lines") String requestId) {

    /** The same problem, tagged with the request it answers. */
    Problem forRequest(String id) {
        return new Problem(type, title, status, detail, errors, unavailableSeats, availableSeats, at, gate, id);
    }


    /** One field at fault, named as the client wrote it ({@code total_seats}, {@code seats[2]}). */
    @Schema(name = "FieldError")
    public record FieldError(String field, String message) {
    }
}
