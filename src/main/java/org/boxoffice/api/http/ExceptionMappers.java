package org.boxoffice.api.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.boxoffice.domain.AlreadyCheckedInException;
import org.boxoffice.domain.EventCancelledException;
import org.boxoffice.domain.HoldLimitExceededException;
import org.boxoffice.domain.HoldNotActiveException;
import org.boxoffice.domain.InvalidRequestException;
import org.boxoffice.domain.InvalidTicketException;
import org.boxoffice.domain.NotCheckedInException;
import org.boxoffice.domain.NotEnoughSeatsException;
import org.boxoffice.domain.QuotaExceededException;
import org.boxoffice.domain.SchemaBehindException;
import org.boxoffice.domain.SeatsAlreadyCancelledException;
import org.boxoffice.domain.SeatsAvailableException;
import org.boxoffice.domain.SeatsUnavailableException;
import org.boxoffice.domain.StoreUnavailableException;
import org.boxoffice.domain.TicketCancelledException;
import org.boxoffice.domain.UnknownIdException;
import org.boxoffice.security.AccessDeniedException;
import org.boxoffice.security.NotAuthenticatedException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure a request can meet, turned into its RFC 9457 problem answer: one method per failure
 * the client can act on, and a last one for faults of ours, which never show the client a stack trace
 * or a Java class name.
 */
public class ExceptionMappers {

    /** How long a client should wait before retrying when the database cannot be reached. */
    static final int STORE_RETRY_AFTER_SECONDS = 5;
    /** A migration is a deploy step: minutes, not seconds. */
    static final int SCHEMA_RETRY_AFTER_SECONDS = 60;

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class);

    /** A broken booking rule (past date, seat out of range, …): 400 listing every field at fault. */
    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException exception) {
        return Problems.invalidRequest("The request breaks a rule; nothing was changed.",
                exception.violations().stream()
                        .map(v -> new Problem.FieldError(FieldPaths.render(v.field()), v.message())).toList());
    }

    /** A body that is not UTF-8: its field is named as the client wrote it, not a domain path. */
    @ServerExceptionMapper
    public Response notUtf8(Utf8Bodies.NotUtf8Exception exception) {
        return Problems.invalidRequest("The request breaks a rule; nothing was changed.",
                List.of(new Problem.FieldError(exception.field(), exception.getMessage())));
    }

    /** A body that fails its Bean Validation constraints: 400 naming each field as the client wrote it. */
    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException exception) {
        List<Problem.FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return Problems.invalidRequest("The request is not valid; nothing was changed.", errors);
    }

    /** JSON of the wrong shape (a string where a number belongs, …), which Quarkus REST passes on unwrapped: 400. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException exception) {
        return unreadableJson(exception);
    }

    /** An id that names nothing: 404. */
    @ServerExceptionMapper
    public Response unknownId(UnknownIdException exception) {
        return Problems.notFound(exception.getMessage() + ".");
    }

    /** Seats someone else has: 409 with {@code unavailable_seats}, so the client can pick others. */
    @ServerExceptionMapper
    public Response seatsUnavailable(SeatsUnavailableException exception) {
        return Problems.seatsUnavailable(exception.unavailableSeats());
    }

    /** A best-available hold for more seats than are free: 409 with {@code available_seats}. */
    @ServerExceptionMapper
    public Response notEnoughSeats(NotEnoughSeatsException exception) {
        return Problems.notEnoughSeats(exception.requested(), exception.available());
    }

    /** A hold that expired, was released or was confirmed already: 409 saying which. */
    @ServerExceptionMapper
    public Response holdNotActive(HoldNotActiveException exception) {
        String status = exception.status().wireName();
        String detail = switch (exception.status()) {
            case EXPIRED -> "Hold " + exception.holdId() + " expired; its seats are free again. Place a new hold.";
            case RELEASED -> "Hold " + exception.holdId() + " was released; its seats are free again.";
            case CONFIRMED -> "Hold " + exception.holdId() + " was confirmed already; see its booking_id.";
            case HELD -> throw new IllegalStateException("a live hold is active");
        };
        return Problems.conflict("hold-" + status, "Hold " + status, detail);
    }

    /** A cancelled event: nothing of it can be held or booked any more: 409. */
    @ServerExceptionMapper
    public Response eventCancelled(EventCancelledException exception) {
        return Problems.conflict("event-cancelled", "Event cancelled", "Event " + exception.eventId()
                + " was cancelled: it takes no holds or bookings, and every booking was refunded. Nothing was changed.");
    }

    /** A partial cancellation naming seats another cancellation took already: 409, nothing refunded twice. */
    @ServerExceptionMapper
    public Response seatsAlreadyCancelled(SeatsAlreadyCancelledException exception) {
        return Problems.conflict("seats-already-cancelled", "Seats already cancelled", "Seats "
                + Arrays.toString(exception.seats()) + " were cancelled (and refunded) by another cancellation;"
                + " nothing was changed.");
    }

    /** A customer asking to wait for seats that are free: 409 with {@code available_seats}; book instead. */
    @ServerExceptionMapper
    public Response seatsAvailable(SeatsAvailableException exception) {
        return Problems.seatsAvailable(exception.requested(), exception.available());
    }

    /** An entry scan of a ticket that is inside: 409 with the first entry's {@code at} and {@code gate}. */
    @ServerExceptionMapper
    public Response alreadyCheckedIn(AlreadyCheckedInException exception) {
        return Problems.alreadyCheckedIn(exception.first().at(), exception.first().gate());
    }

    /** An exit scan of a ticket that is not inside: 409. */
    @ServerExceptionMapper
    public Response notCheckedIn(NotCheckedInException exception) {
        return Problems.conflict("not-checked-in", "Not checked in", "This ticket is not checked in, so it"
                + " cannot check out; nothing was changed.");
    }

    /** A ticket whose seat was cancelled: 409; it admits nobody. */
    @ServerExceptionMapper
    public Response ticketCancelled(TicketCancelledException exception) {
        return Problems.conflict("ticket-cancelled", "Ticket cancelled", "This ticket's seat was cancelled (with"
                + " its booking or its event); it admits nobody. Nothing was changed.");
    }

    /** A code that is not a ticket of this event: 400, saying which way it is not, never echoing it. */
    @ServerExceptionMapper
    public Response invalidTicket(InvalidTicketException exception) {
        return Problems.builder(Problems.problem("invalid-ticket", "Invalid ticket", 400, exception.getMessage()
                + " Nothing was changed.")).build();
    }

    /** A customer holding too many seats of one event already: 409; release or confirm some first. */
    @ServerExceptionMapper
    public Response holdLimitExceeded(HoldLimitExceededException exception) {
        return Problems.conflict("hold-limit-reached", "Hold limit reached", "A customer may hold at most "
                + exception.limit() + " seats of an event at once and holds " + exception.alreadyHeld()
                + " already; confirm or release a hold first. Nothing was held.");
    }

    /** A caller at one of the operator's quotas: 409, naming the quota and its setting. */
    @ServerExceptionMapper
    public Response quotaExceeded(QuotaExceededException exception) {
        return Problems.conflict("quota-exceeded", "Quota exceeded", exception.getMessage() + " Nothing was"
                + " changed.");
    }

    /** No valid bearer token: 401 with the RFC 6750 {@code WWW-Authenticate} challenge. */
    @ServerExceptionMapper
    public Response notAuthenticated(NotAuthenticatedException exception) {
        String challenge = exception.tokenPresented()
                ? "Bearer realm=\"boxoffice\", error=\"invalid_token\""
                : "Bearer realm=\"boxoffice\"";
        return Problems.builder(Problems.problem("unauthenticated", "Unauthorized", 401, exception.getMessage()))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .build();
    }

    /**
     * A bearer token smallrye-jwt rejected (expired, badly signed, another issuer, not a JWT) when
     * Quarkus authenticates before our code asks: the same 401 as {@link Callers} gives.
     */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException exception) {
        return notAuthenticated(new NotAuthenticatedException(
                "The bearer token is not valid: expired, badly signed, from another issuer, or not a JWT.", true));
    }

    /** A verified caller without the role the operation needs: 403. */
    @ServerExceptionMapper
    public Response accessDenied(AccessDeniedException exception) {
        return Problems.builder(Problems.problem("forbidden", "Forbidden", 403, exception.getMessage() + "."))
                .build();
    }

    /** The database cannot be reached: 503 with {@code Retry-After}; the transaction changed nothing. */
    @ServerExceptionMapper
    public Response storeUnavailable(StoreUnavailableException exception) {
        LOG.warnf("Store unavailable: %s", exception.getCause() == null ? exception : exception.getCause().getMessage());
        return Problems.builder(Problems.problem("store-unavailable", "Service Unavailable", 503,
                        "The ticket store cannot be reached right now; nothing was changed. Retry shortly."))
                .header(HttpHeaders.RETRY_AFTER, STORE_RETRY_AFTER_SECONDS)
                .build();
    }

    /** The database's schema is older than this service needs: 503 naming the deploy step that fixes it. */
    @ServerExceptionMapper
    public Response schemaBehind(SchemaBehindException exception) {
        LOG.warnf("Refused a request: %s; run the migrate step", exception.getMessage());
        return Problems.builder(Problems.problem("schema-not-migrated", "Service Unavailable", 503,
                        "The database schema is at version " + exception.found() + " and this service needs version "
                        + exception.required() + ": run the migrate step (java -jar quarkus-run.jar migrate)."
                        + " Nothing was changed."))
                .header(HttpHeaders.RETRY_AFTER, SCHEMA_RETRY_AFTER_SECONDS)
                .build();
    }

    /**
     * The HTTP-level refusals the framework raises (no such path, method not allowed, unsupported content
     * type, …) in the problem shape, keeping their status; a 405 names the path's methods in {@code Allow}.
     */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception, UriInfo uri) {
        // Quarkus REST wraps a body it cannot read as JSON (bad syntax, a number too large) in a plain 400.
        if (exception.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable);
        }
        Response original = exception.getResponse();
        Response.ResponseBuilder answer = Problems.builder(Problems.forStatus(original.getStatus(), original.getStatusInfo().getReasonPhrase()));
        String allow = original.getStatus() == 405 ? AllowedMethods.allow(uri.getPath()) : null;
        if (allow != null) {
            answer.header(HttpHeaders.ALLOW, allow);
        }
        return answer.build();
    }

    /**
     * Anything no other method expected is a fault of ours: 500 with a reference the operator can find in
     * the log, and nothing of the exception itself for the client.
     */
    @ServerExceptionMapper
    public Response unexpected(Exception exception) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(exception, "Unexpected failure, reference %s", reference);
        return Problems.builder(Problems.problem("internal", "Internal Server Error", 500,
                "The server failed to answer this request; quote reference " + reference + " to the operator.")).build();
    }

    /** {@code create.request.totalSeats} becomes {@code total_seats}; {@code seats[2]} keeps its index. */
    private static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(FieldPaths.name(node.getName()));
            } else if (node.getKind() == ElementKind.CONTAINER_ELEMENT && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /**
     * A body Jackson could not read: 400 naming the field and the expected type in words, never with
     * Jackson's own message (which names Java classes).
     */
    private static Response unreadableJson(JsonProcessingException exception) {
        String duplicate = duplicateField(exception);
        if (duplicate != null) {
            return Problems.invalidRequest("The request body gives a field twice; nothing was changed.",
                    List.of(new Problem.FieldError(duplicate, "is given more than once")));
        }
        if (!(exception instanceof JsonMappingException mapping)) {
            JsonLocation at = exception.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return Problems.invalidRequest("The request body is not valid JSON" + where + "; nothing was changed.",
                    List.of(new Problem.FieldError("body", "must be a valid JSON object" + where)));
        }
        String message;
        if (mapping instanceof BoundedLists.TooLongOrNull refused) {
            message = refused.reason();
        } else if (mapping instanceof StorableText.UnstorableTextException) {
            message = StorableText.MESSAGE;
        } else if (mapping instanceof UnrecognizedPropertyException) {
            message = "is not a field of this request (the server sets ids, owners, statuses and times itself)";
        } else if (mapping.getCause() instanceof InputCoercionException) {
            message = "is out of range";
        } else if (mapping instanceof MismatchedInputException mismatch) {
            message = "must be " + expected(mismatch.getTargetType());
        } else {
            message = "cannot be read";
        }
        return Problems.invalidRequest("The request body has a value of the wrong type; nothing was changed.",
                List.of(new Problem.FieldError(jsonPath(mapping.getPath()), message)));
    }

    /**
     * The field a body gives twice (JsonParser.Feature.STRICT_DUPLICATE_DETECTION), or null: Jackson says
     * "Duplicate field 'seats'", and the path to its object is the parser's at the top level, or the
     * mapping exception's when a nested object was being read.
     */
    private static String duplicateField(JsonProcessingException exception) {
        Throwable cause = exception;
        while (cause != null && !(cause instanceof StreamReadException read && read.getOriginalMessage() != null
                && read.getOriginalMessage().startsWith("Duplicate field '"))) {
            cause = cause.getCause();
        }
        if (!(cause instanceof StreamReadException duplicate)) {
            return null;
        }
        String name = duplicate.getOriginalMessage().replaceFirst("^Duplicate field '(.*)'$", "$1");
        String object = exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? jsonPath(mapping.getPath())
                : duplicate.getProcessor() == null ? "body"
                : StorableText.field(duplicate.getProcessor().getParsingContext().getParent().pathAsPointer().toString());
        return object.equals("body") ? name : object + "." + name;
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID such as \"f1d69c4a-b6c2-49bc-bd12-03979bc14f11\"";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "a JSON object";
    }
}
