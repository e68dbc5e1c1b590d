package org.boxoffice.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Turns a body Jackson could not read into a 400 that names the field and the expected type in
 * words, never with Jackson's own message (which names Java classes).
 */
final class JsonInputProblems {

    private JsonInputProblems() {
    }

    static Response of(JsonProcessingException exception) {
        if (!(exception instanceof JsonMappingException mapping)) {
            JsonLocation at = exception.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return Problems.invalidRequest("The request body is not valid JSON" + where + "; nothing was changed.",
                    List.of(new Problem.FieldError("body", "must be a valid JSON object" + where)));
        }
        String message;
        if (mapping instanceof UnrecognizedPropertyException) {
            message = "is not a field of this request (the server sets ids, owners, statuses and times itself)";
        } else if (mapping.getCause() instanceof InputCoercionException) {
            message = "is out of range";
        } else if (mapping instanceof MismatchedInputException mismatch) {
            message = "must be " + expected(mismatch.getTargetType());
        } else {
            message = "cannot be read";
        }
        return Problems.invalidRequest("The request body has a value of the wrong type; nothing was changed.",
                List.of(new Problem.FieldError(field(mapping.getPath()), message)));
    }

    private static String field(List<JsonMappingException.Reference> path) {
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
