package org.boxoffice.api.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.CollectionType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Reads the lists of request bodies no further than they may be long, so that no client can make the
 * service hold, check or report on more items than a valid request has: the seats of a hold, booking or
 * cancellation stop at {@code boxoffice.max-seats-per-request} and may not be null; any other list of a
 * request body stops at {@link #MAX_ITEMS}. Jackson stops at the first item too many, before anything
 * else (Bean Validation, the domain's checks) sees the list. Lists outside this package (AWS Lambda's
 * events) are read as Jackson reads them.
 */
final class BoundedLists extends BeanDeserializerModifier {

    /** Any list of a request body other than seats: more than a venue's sections or a refund policy's tiers. */
    static final int MAX_ITEMS = 1_000;
    /** Where the request records live (named, not imported: this package knows no resource or record). */
    static final String REQUEST_PACKAGE = "org.boxoffice.api";

    private final IntSupplier maxSeats;

    /** @param maxSeats read when a list is first read, not when the mapper is made (Lambda makes it at build). */
    BoundedLists(IntSupplier maxSeats) {
        this.maxSeats = maxSeats;
    }

    @Override
    public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
            BeanDescription description, JsonDeserializer<?> deserializer) {
        return type.getRawClass().isAssignableFrom(ArrayList.class)
                ? new Bounded(type, deserializer, null, 0, false)
                : deserializer;
    }

    /** A refused list: {@code reason} is what the client reads beside the field. */
    static final class TooLongOrNull extends MismatchedInputException {
        private final String reason;

        TooLongOrNull(JsonParser parser, String reason) {
            super(parser, reason);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    private final class Bounded extends JsonDeserializer<Object> implements ContextualDeserializer {
        private final JavaType type;
        private final JsonDeserializer<?> plain;
        private final JsonDeserializer<Object> items;
        private final int max;
        private final boolean seats;

        Bounded(JavaType type, JsonDeserializer<?> plain, JsonDeserializer<Object> items, int max, boolean seats) {
            this.type = type;
            this.plain = plain;
            this.items = items;
            this.max = max;
            this.seats = seats;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            JsonDeserializer<?> contextual = plain instanceof ContextualDeserializer c
                    ? c.createContextual(context, property)
                    : plain;
            if (property == null || property.getMember() == null
                    || !property.getMember().getDeclaringClass().getPackageName().equals(REQUEST_PACKAGE)) {
                return contextual;
            }
            boolean seatList = "seats".equals(property.getName())
                    && type.getContentType().getRawClass() == Integer.class;
            return new Bounded(type, contextual, context.findContextualValueDeserializer(type.getContentType(),
                    property), seatList ? maxSeats.getAsInt() : MAX_ITEMS, seatList);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (items == null || !parser.isExpectedStartArrayToken()) {
                return plain.deserialize(parser, context);
            }
            List<Object> read = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (read.size() == max) {
                    throw new TooLongOrNull(parser, "must list at most " + max + (seats ? " seats" : " items"));
                }
                if (token == JsonToken.VALUE_NULL) {
                    if (seats) {
                        throw JsonMappingException.wrapWithPath(
                                new TooLongOrNull(parser, "must be a seat number, not null"), read, read.size());
                    }
                    read.add(items.getNullValue(context));
                } else {
                    try {
                        read.add(items.deserialize(parser, context));
                    } catch (IOException | RuntimeException wrong) {
                        // As Jackson's own list reader does: the path names the item (seats[1]).
                        throw JsonMappingException.wrapWithPath(wrong, read, read.size());
                    }
                }
            }
            return read;
        }
    }
}
