package org.boxoffice.api.http;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * A request body must be UTF-8 (RFC 8259): Jackson would read an overlong or broken sequence as some
 * other character, so the bytes are checked strictly before it reads them (400 naming the field).
 * NUL characters and unpaired surrogates written as JSON escapes are refused as Jackson reads each
 * string ({@link StorableText.Strings}).
 */
@Provider
public class Utf8Bodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = context.getInputStream().readAllBytes();
        if (StorableText.decodeUtf8(body) == null) {
            throw new NotUtf8Exception(StorableText.fieldOfInvalidUtf8(body));
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** A body that is not UTF-8, with the field it breaks in as the client wrote it. */
    static final class NotUtf8Exception extends RuntimeException {
        private final String field;

        NotUtf8Exception(String field) {
            super(StorableText.MESSAGE, null, false, false);
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
