package org.boxoffice.api.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refusals owed to the request's form rather than its meaning, before it reaches a resource: a body
 * needs a JSON {@code Content-Type} (415; without one it would be read as JSON anyway), and every query
 * parameter follows {@link StorableText}'s rule (400 naming the parameter).
 */
public class StrictRequests {

    @ServerRequestFilter(preMatching = true)
    public Response check(HttpServerRequest request) {
        if (hasBody(request) && !json(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            return Problems.builder(Problems.problem("unsupported-media-type", "Unsupported Media Type", 415,
                    "Send the request body as application/json, saying so in Content-Type; nothing was changed."))
                    .build();
        }
        String query = request.query();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                String decodedName = percentDecoded(name);
                if (decodedName == null || percentDecoded(value) == null) {
                    String field = decodedName == null ? "query" : decodedName;
                    return Problems.invalidRequest("A query parameter is not text the service can keep; nothing"
                            + " was changed.", List.of(new Problem.FieldError(field, StorableText.MESSAGE)));
                }
            }
        }
        return null;
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || (length != null && !length.trim().equals("0"));
    }

    /** {@code application/json}, with parameters (charset) or without; {@code application/problem+json} too. */
    private static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase();
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    /** The text a form-encoded query part stands for, or null when it is not storable text (or not %-encoded right). */
    private static String percentDecoded(String part) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= part.length()) {
                    return null;
                }
                int high = Character.digit(part.charAt(i + 1), 16);
                int low = Character.digit(part.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return StorableText.decode(bytes.toByteArray());
    }
}
