package org.boxoffice.api;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The alternative forms of a request body as JSON Schema, for the API document: a {@code not} of what is
 * refused, the same rule as a {@code oneOf} of the forms, which generated clients would turn into a union
 * type of their own instead of the one body class. Each subschema names the fields it requires, as
 * Redocly asks.
 */
final class Forms {

    private Forms() {
    }

    /**
     * A body of one of {@code forms} (each a list of fields it needs), with none of {@code conflicts} (each
     * a list of fields never sent together).
     */
    static Schema refused(List<List<String>> forms, List<List<String>> conflicts) {
        List<Schema> refused = new ArrayList<>(conflicts.stream().map(Forms::having).toList());
        refused.add(OASFactory.createSchema().not(OASFactory.createSchema()
                .anyOf(forms.stream().map(Forms::having).toList())));
        return OASFactory.createSchema().anyOf(refused);
    }

    private static Schema having(List<String> fields) {
        Schema schema = OASFactory.createSchema().required(fields);
        fields.forEach(field -> schema.addProperty(field, OASFactory.createSchema()));
        return schema;
    }
}
