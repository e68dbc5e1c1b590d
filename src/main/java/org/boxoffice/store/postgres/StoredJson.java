package org.boxoffice.store.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.boxoffice.domain.Layout;

/**
 * An event's layout as the {@code jsonb} of its row: the sections and their rows, as given. A layout
 * never changes once its event exists, and is only ever read whole, so one column holds it.
 */
final class LayoutJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Layout.Section>> SECTIONS = new TypeReference<>() {
    };

    private LayoutJson() {
    }

    static String write(Layout layout) {
        try {
            return JSON.writeValueAsString(layout.sections());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a layout always serialises", e);
        }
    }

    static Layout read(String json) {
        try {
            return Layout.restore(JSON.readValue(json, SECTIONS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored layout is not readable: " + json, e);
        }
    }
}
