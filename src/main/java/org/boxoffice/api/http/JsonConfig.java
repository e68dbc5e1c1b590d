package org.boxoffice.api.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.boxoffice.service.BoxOfficeConfig;

/**
 * Makes JSON input strict: a string where a number belongs (or a number where a string belongs) is an
 * error for the client to fix, never silently converted; so is {@code 5.5} or {@code 5.0} for a seat. A key
 * given twice is refused rather than the last one winning, and text follows {@link StorableText}'s rule.
 * Lists are read no longer than a request may make them ({@link BoundedLists}).
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    // A Provider: the Lambda build makes its mapper while the application is built, before the
    // run-time settings exist; the limit is read when the first list is read.
    private final Provider<BoxOfficeConfig> config;

    public JsonConfig(Provider<BoxOfficeConfig> config) {
        this.config = config;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("bounded-lists")
                .setDeserializerModifier(new BoundedLists(() -> config.get().maxSeatsPerRequest())));
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("storable-text")
                .addDeserializer(String.class, new StorableText.Strings())
                .addKeyDeserializer(String.class, new StorableText.Keys()));
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
}
