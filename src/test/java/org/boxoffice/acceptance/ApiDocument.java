package org.boxoffice.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The OpenAPI document a service serves, read as its clients read it: the operations (method, path,
 * parameters, request body schema, answers) and a check that a JSON value is of a schema of it. Only what
 * the document states is checked: the types, required fields, {@code additionalProperties: false},
 * enums, bounds, patterns and formats that it has, through {@code $ref}, {@code allOf}, {@code anyOf}
 * and {@code oneOf}.
 */
final class ApiDocument {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode root;
    private final List<Operation> operations = new ArrayList<>();

    /** One operation: its parameters and request body schema (null without a body), and its answers by status. */
    record Operation(String method, String path, String id, List<JsonNode> parameters, JsonNode requestBody,
            JsonNode responses, boolean secured) {

        /** The answer the document lists for this status (or its NXX range), or null. */
        JsonNode response(int status) {
            JsonNode exact = responses.get(Integer.toString(status));
            return exact != null ? exact : responses.get(status / 100 + "XX");
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    ApiDocument(JsonNode root) {
        this.root = root;
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<JsonNode> shared = new ArrayList<>();
            path.getValue().path("parameters").forEach(parameter -> shared.add(resolve(parameter)));
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                JsonNode operation = op.getValue();
                List<JsonNode> parameters = new ArrayList<>(shared);
                operation.path("parameters").forEach(parameter -> parameters.add(resolve(parameter)));
                JsonNode body = resolve(operation.path("requestBody")).path("content").path("application/json")
                        .get("schema");
                JsonNode security = operation.has("security") ? operation.get("security") : root.path("security");
                operations.add(new Operation(op.getKey(), path.getKey(), operation.path("operationId").asText(),
                        List.copyOf(parameters), body, operation.path("responses"),
                        security.isArray() && !security.isEmpty()));
            }
        }
    }

    List<Operation> operations() {
        return List.copyOf(operations);
    }

    /** The methods the document has for this path template. */
    Set<String> methodsOf(String path) {
        Set<String> methods = new java.util.TreeSet<>();
        root.path("paths").path(path).fieldNames().forEachRemaining(name -> {
            if (METHODS.contains(name)) {
                methods.add(name);
            }
        });
        return methods;
    }

    /** The node a {@code $ref} names (local references only), or the node itself. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; current != null && current.has("$ref") && depth < 20; depth++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local references are read: " + ref);
            }
            JsonNode target = root.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new IllegalArgumentException("the document has no " + ref);
            }
            if (current.size() > 1) {
                // OpenAPI 3.1 lets a $ref have siblings (a description, a narrower type): both apply.
                ObjectNode merged = ((ObjectNode) target).deepCopy();
                current.fields().forEachRemaining(field -> {
                    if (!field.getKey().equals("$ref")) {
                        merged.set(field.getKey(), field.getValue());
                    }
                });
                current = merged;
            } else {
                current = target;
            }
        }
        return current;
    }

    /** What is wrong with {@code value} as an instance of {@code schema}: nothing (an empty list) if it is one. */
    List<String> violations(JsonNode value, JsonNode schema) {
        List<String> found = new ArrayList<>();
        check(value, schema, "$", found);
        return found;
    }

    private void check(JsonNode value, JsonNode schemaOrRef, String at, List<String> found) {
        if (schemaOrRef == null || schemaOrRef.isBoolean() && schemaOrRef.asBoolean()) {
            return;
        }
        JsonNode schema = resolve(schemaOrRef);
        if (schema.isBoolean()) {
            found.add(at + ": not allowed here");
            return;
        }
        for (JsonNode part : schema.path("allOf")) {
            check(value, part, at, found);
        }
        if (schema.has("anyOf") || schema.has("oneOf")) {
            String keyword = schema.has("oneOf") ? "oneOf" : "anyOf";
            int matching = 0;
            for (JsonNode part : schema.get(keyword)) {
                if (violations(value, part).isEmpty()) {
                    matching++;
                }
            }
            if (matching == 0 || keyword.equals("oneOf") && matching > 1) {
                found.add(at + ": " + matching + " of the " + keyword + " schemas match " + brief(value));
            }
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            found.add(at + ": " + brief(value) + " is not one of " + schema.get("enum"));
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            found.add(at + ": " + brief(value) + " is not " + schema.get("const"));
        }
        List<String> types = types(schema);
        if (!types.isEmpty() && types.stream().noneMatch(type -> isOfType(value, type))) {
            found.add(at + ": " + brief(value) + " is not of type " + types);
            return;
        }
        if (value.isTextual()) {
            checkString(value.asText(), schema, at, found);
        } else if (value.isNumber()) {
            if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0
                    || schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                found.add(at + ": " + value + " is out of the schema's bounds");
            }
        } else if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()
                    || schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                found.add(at + ": " + value.size() + " items, out of the schema's bounds");
            }
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), at + "[" + i + "]", found);
            }
        } else if (value.isObject()) {
            checkObject(value, schema, at, found);
        }
    }

    private void checkObject(JsonNode value, JsonNode schema, String at, List<String> found) {
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                found.add(at + ": lacks the required " + required.asText());
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        value.fields().forEachRemaining(field -> {
            JsonNode property = properties.get(field.getKey());
            if (property != null) {
                check(field.getValue(), property, at + "." + field.getKey(), found);
            } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                found.add(at + ": has " + field.getKey() + ", which the schema does not allow");
            } else if (additional != null && additional.isObject()) {
                check(field.getValue(), additional, at + "." + field.getKey(), found);
            }
        });
    }

    private static void checkString(String text, JsonNode schema, String at, List<String> found) {
        int length = text.codePointCount(0, text.length());
        if (schema.has("minLength") && length < schema.get("minLength").asInt()
                || schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            found.add(at + ": a string of " + length + " characters, out of the schema's bounds");
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
            found.add(at + ": \"" + text + "\" does not match " + schema.get("pattern").asText());
        }
        String format = schema.path("format").asText("");
        if (format.equals("date-time")) {
            try {
                OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                found.add(at + ": \"" + text + "\" is not a date-time");
            }
        } else if (format.equals("uuid")) {
            try {
                java.util.UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                found.add(at + ": \"" + text + "\" is not a uuid");
            }
        }
    }

    /** The schema's type(s): a string or, in OpenAPI 3.1, a list; none when it states none. */
    static List<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        List<String> types = new ArrayList<>();
        if (type == null) {
            return types;
        }
        if (type.isArray()) {
            type.forEach(each -> types.add(each.asText()));
        } else {
            types.add(type.asText());
        }
        if (schema.path("nullable").asBoolean(false)) {
            types.add("null");
        }
        return types;
    }

    private static boolean isOfType(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber()
                    || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            case "null" -> value.isNull();
            default -> false;
        };
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode each : values) {
            if (each.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String brief(JsonNode value) {
        String text = value.toString();
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
