package org.boxoffice.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** Builds the problem answers, so that every mapper speaks the same RFC 9457 dialect. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:boxoffice:problem:";
    /** The most field errors one problem lists. */
    static final int MAX_ERRORS = 100;

    private Problems() {
    }

    /** A problem without extension members; {@code slug} names its type. */
    public static Problem problem(String slug, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, null, null, null, null, null);
    }

    /**
     * The refusal of the HTTP layer (or of JAX-RS) for a bare status: its own type where the API names one,
     * else {@code http-<status>}; a 5xx is {@code internal} and says nothing more.
     */
    static Problem forStatus(int code, String title) {
        return switch (code) {
            case 404 -> problem("not-found", title, code, "Nothing is found at this path.");
            case 405 -> problem("method-not-allowed", title, code, "This method is not allowed on this path.");
            case 406 -> problem("not-acceptable", title, code, "This path answers application/json only.");
            case 415 -> problem("unsupported-media-type", title, code, "Send the request body as application/json.");
            default -> code >= 500
                    ? problem("internal", "Internal Server Error", 500, "The server failed; please retry later.")
                    : problem("http-" + code, title, code, title + ".");
        };
    }

    /** Answers {@code problem} from a Vert.x route, which runs before REST and its exception mappers. */
    static void refuse(RoutingContext context, ObjectMapper json, Problem problem) {
        new RequestIds().identify(context.request());
        String body;
        try {
            body = json.writeValueAsString(problem.forRequest(RequestIds.current()));
        } catch (JsonProcessingException e) {
            context.fail(e);
            return;
        }
        context.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE).end(body);
    }

    /**
     * 400 listing the fields at fault: at most {@link #MAX_ERRORS} of them, so that the answer to a large
     * invalid body stays small; the detail says how many there were.
     */
    static Response invalidRequest(String detail, List<Problem.FieldError> errors) {
        List<Problem.FieldError> listed = errors;
        String said = detail;
        if (errors.size() > MAX_ERRORS) {
            listed = List.copyOf(errors.subList(0, MAX_ERRORS));
            said = detail + " " + errors.size() + " errors were found; the first " + MAX_ERRORS + " are listed.";
        }
        return respond(new Problem(TYPE_PREFIX + "invalid-request", "Invalid request", 400, said, listed, null,
                null, null, null, null));
    }

    static Response notFound(String detail) {
        return respond(problem("not-found", "Not Found", 404, detail));
    }

    static Response seatsUnavailable(int[] seats) {
        return respond(new Problem(TYPE_PREFIX + "seats-unavailable", "Seats unavailable", 409,
                "Some requested seats are already taken; nothing was changed.", null, seats, null, null, null, null));
    }

    static Response notEnoughSeats(int requested, int available) {
        return respond(new Problem(TYPE_PREFIX + "not-enough-seats", "Not enough seats", 409,
                "Asked for " + requested + " seats but only " + available + " are free; nothing was held.", null,
                null, available, null, null, null));
    }

    static Response seatsAvailable(int requested, int available) {
        return respond(new Problem(TYPE_PREFIX + "seats-available", "Seats available", 409, available
                + " seats are free, enough for the " + requested + " asked for: book them (POST /holds or POST"
                + " /bookings) instead of waiting. Nothing was changed.", null, null, available, null, null, null));
    }

    static Response alreadyCheckedIn(Instant at, String gate) {
        return respond(new Problem(TYPE_PREFIX + "already-checked-in", "Already checked in", 409,
                "This ticket was checked in at " + at + " through " + gate + " and has not checked out since;"
                + " nobody else may enter with it.", null, null, null, at, gate, null));
    }

    public static Response conflict(String slug, String title, String detail) {
        return respond(problem(slug, title, 409, detail));
    }

    public static Response unprocessable(String slug, String title, String detail) {
        return respond(problem(slug, title, 422, detail));
    }

    /** The answer carrying {@code problem}, tagged with the id of the request it answers. */
    public static Response.ResponseBuilder builder(Problem problem) {
        return Response.status(problem.status()).type(MEDIA_TYPE).entity(problem.forRequest(RequestIds.current()));
    }

    private static Response respond(Problem problem) {
        return builder(problem).build();
    }
}
