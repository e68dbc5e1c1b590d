package org.boxoffice.api;

import org.boxoffice.api.http.Problems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.boxoffice.domain.IdempotencyStore.Claim;
import org.boxoffice.domain.IdempotencyStore.Outcome;
import org.boxoffice.domain.IdempotencyStore;
import org.boxoffice.domain.InvalidRequestException;
import org.boxoffice.security.Caller;
import org.boxoffice.service.BoxOfficeConfig;

/**
 * Runs a state-changing request at most once per {@code Idempotency-Key}: a retry with the same key
 * and the same request (method, path and parsed body) replays the first answer; the same key with a
 * different request answers 422; a retry while the first is still running answers 409. Only answers
 * that changed something (2xx) are remembered: a refused request can be corrected and retried.
 */
@ApplicationScoped
public class IdempotentRequests {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /**
     * How long a key stays claimed by a request that has not answered: far longer than any request runs
     * (a database wait gives up after 5 s, the Lambda function after 15 s), so an older claim is one whose
     * request died with its instance, and a retry may run.
     */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);
    /** A key: 1 to 255 visible ASCII characters (the document's header schema says the same). */
    static final int MAX_KEY_LENGTH = 255;
    static final String KEY_PATTERN = "^[\\x21-\\x7E]{1," + MAX_KEY_LENGTH + "}$";
    static final String BAD_KEY = "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters";
    private static final Pattern VALID_KEY = Pattern.compile(KEY_PATTERN);

    private final IdempotencyStore store;
    private final ObjectMapper json;
    private final Clock clock;
    private final BoxOfficeConfig config;

    public IdempotentRequests(IdempotencyStore store, ObjectMapper json, Clock clock, BoxOfficeConfig config) {
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Runs {@code action} unless the caller's {@code key} says it ran already; without a key, simply
     * runs it. Keys are the caller's own: another caller's identical key is another key.
     */
    Response run(Caller caller, String clientKey, String method, String path, Object body,
            Supplier<Response> action) {
        return run(caller, clientKey, method, path, body, action, UnaryOperator.identity());
    }

    /**
     * As {@link #run(Caller, String, String, String, Object, Supplier)}, remembering of the answer's entity
     * only what {@code kept} leaves of it: what must not be kept a second time (a secret) is not replayed.
     */
    Response run(Caller caller, String clientKey, String method, String path, Object body,
            Supplier<Response> action, UnaryOperator<Object> kept) {
        if (clientKey == null) {
            return action.get();
        }
        if (!VALID_KEY.matcher(clientKey).matches()) {
            throw new InvalidRequestException(HEADER, BAD_KEY);
        }
        String key = caller.id() + " " + clientKey;
        Instant now = clock.instant();
        Claim claim = store.claim(key, fingerprint(method, path, body), now,
                now.minus(config.idempotency().retention()), now.minus(ABANDONED_AFTER));
        if (claim instanceof Claim.Replay replay) {
            return replay(replay.outcome());
        }
        if (claim instanceof Claim.Mismatch) {
            return Problems.unprocessable("idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new request.");
        }
        if (claim instanceof Claim.InFlight) {
            return Problems.conflict("idempotency-key-in-flight", "Request in progress",
                    "The first request with this Idempotency-Key is still running; retry shortly.");
        }
        Response response;
        try {
            response = action.get();
        } catch (RuntimeException refused) {
            store.release(key);
            throw refused;
        }
        if (response.getStatus() / 100 == 2) {
            store.complete(key, new Outcome(response.getStatus(),
                    response.getHeaderString(HttpHeaders.LOCATION), write(kept.apply(response.getEntity()))));
        } else {
            store.release(key);
        }
        return response;
    }

    /** The kept outcome as HTTP again: its code the status, where it made something the Location, its document the JSON body. */
    private static Response replay(Outcome stored) {
        Response.ResponseBuilder answer = Response.status(stored.code())
                .type(MediaType.APPLICATION_JSON)
                .header(REPLAYED_HEADER, "true")
                .entity(stored.document());
        if (stored.made() != null) {
            answer.header(HttpHeaders.LOCATION, stored.made());
        }
        return answer.build();
    }

    private String fingerprint(String method, String path, Object body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            sha256.update(write(body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("our own response types always serialise", e);
        }
    }
}
