package org.boxoffice.api.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one rule for text a request carries (body fields, map keys, query parameters): what the service
 * accepts, every store keeps unchanged. PostgreSQL cannot store a NUL character, and an unpaired
 * surrogate or bytes that are not UTF-8 (overlong forms included) are not text at all; the in-memory
 * store would keep them, so both stores refuse them here, before any use case runs: 400 naming the field.
 */
public final class StorableText {

    public static final String MESSAGE = "must be UTF-8 text without NUL characters (U+0000) or unpaired surrogates";

    private static final JsonFactory PLAIN_JSON = new JsonFactory();

    private StorableText() {
    }

    /** Whether {@code text} holds only characters every store keeps as they are. */
    static boolean storable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0' || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    /** Decodes {@code bytes} as text {@link #storable} accepts; null when they are not or not UTF-8. */
    static String decode(byte[] bytes) {
        String text = decodeUtf8(bytes);
        return text != null && storable(text) ? text : null;
    }

    /** Decodes {@code bytes} as strict UTF-8 (refusing overlong forms and encoded surrogates), or null. */
    static String decodeUtf8(byte[] bytes) {
        CharBuffer out = CharBuffer.allocate(bytes.length);
        return strictUtf8().decode(ByteBuffer.wrap(bytes), out, true).isError() ? null : out.flip().toString();
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * The field of a JSON body whose text is not UTF-8 ({@code seats[2]}, {@code layout.sections[0].name}),
     * or {@code body} when the bytes at fault are not inside a string.
     */
    static String fieldOfInvalidUtf8(byte[] body) {
        CharBuffer before = CharBuffer.allocate(body.length);
        strictUtf8().decode(ByteBuffer.wrap(body), before, true);
        long offset = before.position();
        String lenient = new String(body, StandardCharsets.UTF_8);
        try (JsonParser parser = PLAIN_JSON.createParser(lenient)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) {
                    long start = parser.currentTokenLocation().getCharOffset();
                    parser.getText();
                    long end = parser.currentLocation().getCharOffset();
                    if (start <= offset && offset < end) {
                        return field(parser.getParsingContext().pathAsPointer().toString());
                    }
                }
            }
        } catch (IOException notJson) {
            return "body";
        }
        return "body";
    }

    /** {@code /layout/sections/0/name} as this API names fields: {@code layout.sections[0].name}. */
    static String field(String pointer) {
        StringBuilder field = new StringBuilder();
        for (String step : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1)) {
            String name = step.replace("~1", "/").replace("~0", "~");
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                field.append('[').append(name).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(name);
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /**
     * Whether the outermost value being read is one of ours (a request body), not another library's: the
     * one mapper also reads the Lambda build's API Gateway events, whose query parameters the rule checks
     * later, as a request's, so that they are refused with a 400 rather than fail the invocation.
     */
    static boolean readingOurs(JsonParser parser) {
        if (parser == null) {
            return true;
        }
        JsonStreamContext outermost = parser.getParsingContext();
        while (outermost.getParent() != null && outermost.getParent().getParent() != null) {
            outermost = outermost.getParent();
        }
        Object value = outermost.getCurrentValue();
        return value == null || !value.getClass().getName().startsWith("com.amazonaws.");
    }

    /** A JSON string the rule refuses; Jackson adds the path to the field, which the problem names. */
    static final class UnstorableTextException extends MismatchedInputException {
        UnstorableTextException(JsonParser parser) {
            super(parser, MESSAGE, String.class);
        }
    }

    /** Every JSON string value of a request body passes the rule. */
    static final class Strings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && !storable(value) && readingOurs(parser)) {
                throw new UnstorableTextException(parser);
            }
            return value;
        }
    }

    /** Every JSON object key read into a map (a price category) passes the rule. */
    static final class Keys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws JsonProcessingException {
            if (!storable(key) && readingOurs(context.getParser())) {
                throw new UnstorableTextException(context.getParser());
            }
            return key;
        }
    }
}
