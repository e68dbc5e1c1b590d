package org.boxoffice.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.boxoffice.acceptance.ApiDocument.Operation;

/**
 * Requests generated from the API document: for each operation, its path parameters (ids of things that
 * exist, or made-up ones), query parameters, Idempotency-Key and JSON body from their schemas, valid
 * ones and ones broken in one way ({@link Mutation}), sent by a caller of some role, or by none.
 * Ids of things that exist are {@link Ref}s, resolved when the request is sent, so that what is
 * generated does not depend on the fixtures of a run.
 */
final class GeneratedRequests {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A thing that exists ({@code kind}: event, hold, booking, ticket, entry, webhook, code), the pick-th of its kind. */
    record Ref(String kind, int pick) {
        @Override
        public String toString() {
            return "<" + kind + " " + pick + ">";
        }
    }

    /** Who sends it: a role's caller (organizer, customer, admin, scanner), nobody, or a broken token. */
    record Actor(String kind, int pick) {
        @Override
        public String toString() {
            return kind + " " + pick;
        }
    }

    /** One way a request is broken, or none. */
    enum Mutation {
        NONE, DROP_REQUIRED, WRONG_TYPE, OUT_OF_RANGE, UNKNOWN_FIELD, HUGE_STRING, ODD_TEXT, NOT_AN_OBJECT,
        MALFORMED_JSON, WRONG_CONTENT_TYPE, NO_BODY, WRONG_METHOD
    }

    /**
     * A generated request: for {@code operation}, sent with {@code method} (another than the operation's for
     * {@link Mutation#WRONG_METHOD}); path values are {@link Ref}s or strings; {@code body} null without one.
     */
    record Request(Operation operation, String method, Actor actor, Map<String, Object> path,
            Map<String, String> query, Optional<String> idempotencyKey, Optional<JsonNode> body, Mutation mutation,
            int pick) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + operation.path() + " path=" + path + " query=" + query + " key="
                    + idempotencyKey.orElse("-") + " by " + actor + " mutation=" + mutation + "/" + pick + " body="
                    + body.map(JsonNode::toString).map(GeneratedRequests::cut).orElse("-");
        }
    }

    private final ApiDocument document;

    GeneratedRequests(ApiDocument document) {
        this.document = document;
    }

    /** Any operation of the document, with its values. */
    Arbitrary<Request> requests() {
        return Arbitraries.of(document.operations()).flatMap(this::forOperation);
    }

    private Arbitrary<Request> forOperation(Operation operation) {
        Arbitrary<Map<String, Object>> path = entries(operation.parameters().stream()
                .filter(parameter -> parameter.path("in").asText().equals("path"))
                .map(parameter -> pathValue(parameter.path("name").asText())
                        .map(value -> Optional.of(Tuple.of(parameter.path("name").asText(), value))))
                .toList());
        Arbitrary<Map<String, Object>> query = entries(operation.parameters().stream()
                .filter(parameter -> parameter.path("in").asText().equals("query"))
                .map(this::queryValue).toList());
        boolean idempotent = operation.parameters().stream()
                .anyMatch(parameter -> parameter.path("name").asText().equals("Idempotency-Key"));
        Arbitrary<Optional<String>> key = idempotent ? idempotencyKey() : Arbitraries.just(Optional.empty());
        Arbitrary<Optional<JsonNode>> body = operation.requestBody() == null ? Arbitraries.just(Optional.empty())
                : valid(operation.requestBody(), "", 0).map(Optional::of);
        Arbitrary<Mutation> mutation = operation.requestBody() == null
                ? Arbitraries.frequency(Tuple.of(12, Mutation.NONE), Tuple.of(1, Mutation.WRONG_METHOD))
                : Arbitraries.frequency(Tuple.of(30, Mutation.NONE), Tuple.of(4, Mutation.DROP_REQUIRED),
                        Tuple.of(4, Mutation.WRONG_TYPE), Tuple.of(4, Mutation.OUT_OF_RANGE),
                        Tuple.of(3, Mutation.UNKNOWN_FIELD), Tuple.of(2, Mutation.HUGE_STRING),
                        Tuple.of(4, Mutation.ODD_TEXT), Tuple.of(2, Mutation.NOT_AN_OBJECT),
                        Tuple.of(2, Mutation.MALFORMED_JSON), Tuple.of(2, Mutation.WRONG_CONTENT_TYPE),
                        Tuple.of(1, Mutation.NO_BODY), Tuple.of(1, Mutation.WRONG_METHOD));
        Set<String> methods = document.methodsOf(operation.path());
        List<String> others = new ArrayList<>(List.of("get", "put", "post", "delete", "patch"));
        others.removeAll(methods);
        return Combinators.combine(actor(), path, query, key, body, mutation, Arbitraries.integers().between(0, 1000),
                Arbitraries.of(others.isEmpty() ? List.of("patch") : others))
                .as((actor, pathValues, queryValues, keyValue, bodyValue, how, pick, otherMethod) -> {
                    Map<String, String> queryText = new LinkedHashMap<>();
                    queryValues.forEach((name, value) -> queryText.put(name, value.toString()));
                    String method = how == Mutation.WRONG_METHOD ? otherMethod : operation.method();
                    return new Request(operation, method, actor, pathValues, queryText, keyValue, bodyValue, how,
                            pick);
                });
    }

    private static Arbitrary<Actor> actor() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0, 99).map(pick -> new Actor("organizer", pick))),
                Tuple.of(6, Arbitraries.integers().between(0, 99).map(pick -> new Actor("customer", pick))),
                Tuple.of(3, Arbitraries.integers().between(0, 99).map(pick -> new Actor("admin", pick))),
                Tuple.of(1, Arbitraries.just(new Actor("scanner", 0))),
                Tuple.of(1, Arbitraries.just(new Actor("nobody", 0))),
                Tuple.of(1, Arbitraries.integers().between(0, 2).map(pick -> new Actor("broken-token", pick))));
    }

    /** The entries present (a parameter left out is an empty Optional), as an ordered map. */
    private static Arbitrary<Map<String, Object>> entries(List<Arbitrary<Optional<Tuple.Tuple2<String, Object>>>> parts) {
        if (parts.isEmpty()) {
            return Arbitraries.just(Map.of());
        }
        return Combinators.combine(parts).as(values -> {
            Map<String, Object> map = new LinkedHashMap<>();
            values.forEach(value -> value.ifPresent(entry -> map.put(entry.get1(), entry.get2())));
            return map;
        });
    }

    private static Arbitrary<Object> pathValue(String name) {
        String kind = switch (name) {
            case "event_id" -> "event";
            case "hold_id" -> "hold";
            case "booking_id" -> "booking";
            case "ticket_id" -> "ticket";
            case "entry_id" -> "entry";
            case "webhook_id" -> "webhook";
            default -> "event";
        };
        return Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.integers().between(0, 1000).map(pick -> new Ref(kind, pick))),
                Tuple.of(2, Arbitraries.create(() -> java.util.UUID.randomUUID().toString())),
                Tuple.of(1, Arbitraries.of("not-an-id", "0", "-1", "...", "%", " ", "événement", "a/b",
                        "00000000-0000-0000-0000-000000000000", "x".repeat(300), "\u0000", "😀")));
    }

    private Arbitrary<Optional<Tuple.Tuple2<String, Object>>> queryValue(JsonNode parameter) {
        String name = parameter.path("name").asText();
        JsonNode schema = document.resolve(parameter.path("schema"));
        Arbitrary<Object> valid = switch (name) {
            case "from", "to" -> Arbitraries.of(LocalDate.now().toString(), LocalDate.now().plusYears(2).toString(),
                    LocalDate.now() + " 19:00", LocalDate.now().plusYears(1) + "T00:00:00Z");
            case "venue" -> Arbitraries.of("Generated Hall", "Central Park", "nowhere");
            case "cursor" -> Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40).map(text -> text);
            default -> valid(schema, name, 0).map(JsonNode::asText);
        };
        Arbitrary<Object> invalid = Arbitraries.of("", "abc", "-1", "0", "101", "1.5", "99999999999999999999",
                "true", "\u0000", "%", "2030-13-45", "x".repeat(3000), "😀", "null");
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(Optional.empty())),
                Tuple.of(5, valid.map(value -> Optional.of(Tuple.of(name, value)))),
                Tuple.of(2, invalid.map(value -> Optional.of(Tuple.of(name, value)))));
    }

    private static Arbitrary<Optional<String>> idempotencyKey() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(Optional.empty())),
                Tuple.of(3, Arbitraries.integers().between(0, 30).map(n -> Optional.of("generated-key-" + n))),
                Tuple.of(1, Arbitraries.of("", " ", "has space", "k".repeat(256), "tab\there", "{json}\"")
                        .map(Optional::of)));
    }

    /** A value of this schema, within its bounds, with values that fit the fields the service has. */
    Arbitrary<JsonNode> valid(JsonNode schemaOrRef, String field, int depth) {
        JsonNode schema = document.resolve(schemaOrRef);
        Arbitrary<JsonNode> known = forField(field);
        if (known != null) {
            return known;
        }
        if (schema.has("enum")) {
            List<JsonNode> values = new ArrayList<>();
            schema.get("enum").forEach(values::add);
            return Arbitraries.of(values);
        }
        for (String keyword : List.of("oneOf", "anyOf")) {
            if (schema.has(keyword)) {
                List<Arbitrary<JsonNode>> choices = new ArrayList<>();
                schema.get(keyword).forEach(part -> choices.add(valid(part, field, depth + 1)));
                return Arbitraries.oneOf(choices);
            }
        }
        List<String> types = new ArrayList<>(ApiDocument.types(schema));
        types.remove("null");
        String type = types.isEmpty() ? (schema.has("properties") ? "object" : "string") : types.get(0);
        return switch (type) {
            case "object" -> object(schema, depth);
            case "array" -> depth > 4 ? Arbitraries.just(JSON.arrayNode())
                    : valid(schema.path("items"), singular(field), depth + 1).list()
                            .ofMinSize(schema.path("minItems").asInt(0))
                            .ofMaxSize(Math.max(schema.path("minItems").asInt(0), Math.min(4, schema.path("maxItems").asInt(4))))
                            .map(items -> {
                                ArrayNode array = JSON.arrayNode();
                                items.forEach(array::add);
                                return array;
                            });
            case "integer", "number" -> {
                long min = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
                long max = schema.has("maximum") ? schema.get("maximum").asLong() : min + 100;
                yield Arbitraries.longs().between(min, max).map(v -> (JsonNode) JSON.numberNode(v));
            }
            case "boolean" -> Arbitraries.of(true, false).map(v -> (JsonNode) JSON.booleanNode(v));
            default -> {
                int max = Math.min(40, schema.path("maxLength").asInt(40));
                int min = Math.max(1, schema.path("minLength").asInt(1));
                yield Arbitraries.strings().withCharRange('a', 'z').withChars(" -'ÉéßØ").ofMinLength(min)
                        .ofMaxLength(Math.max(min, max)).map(v -> (JsonNode) JSON.textNode(v))
                        .filter(text -> !text.asText().isBlank());
            }
        };
    }

    private Arbitrary<JsonNode> object(JsonNode schema, int depth) {
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        List<Arbitrary<Optional<Tuple.Tuple2<String, Object>>>> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            if (property.getValue().path("readOnly").asBoolean(false) || depth > 4) {
                continue;
            }
            Arbitrary<Optional<Tuple.Tuple2<String, Object>>> present = valid(property.getValue(), property.getKey(), depth + 1)
                    .map(value -> Optional.of(Tuple.of(property.getKey(), (Object) value)));
            parts.add(required.contains(property.getKey()) ? present
                    : Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(Optional.empty())), Tuple.of(1, present)));
        }
        if (schema.path("additionalProperties").isObject() && depth <= 4) {
            JsonNode additional = schema.get("additionalProperties");
            for (String name : List.of("A", "B")) {
                parts.add(valid(additional, name, depth + 1).injectNull(0.5)
                        .map(value -> Optional.ofNullable(value).map(v -> Tuple.of(name, (Object) v))));
            }
        }
        return entries(parts).map(values -> {
            ObjectNode object = JSON.objectNode();
            values.forEach((name, value) -> object.set(name, (JsonNode) value));
            return object;
        });
    }

    /** Values for the fields whose meaning the schema cannot say (ids, seat numbers, dates, URLs). */
    private static Arbitrary<JsonNode> forField(String field) {
        return switch (field) {
            case "event_id", "hold_id" -> Arbitraries.frequencyOf(
                    Tuple.of(8, Arbitraries.integers().between(0, 1000)
                            .map(pick -> (JsonNode) new POJONode(new Ref(field.replace("_id", ""), pick)))),
                    Tuple.of(1, Arbitraries.create(() -> JSON.textNode(java.util.UUID.randomUUID().toString()))));
            case "code" -> Arbitraries.frequencyOf(
                    Tuple.of(4, Arbitraries.integers().between(0, 1000).map(pick -> (JsonNode) new POJONode(new Ref("code", pick)))),
                    Tuple.of(1, Arbitraries.of("x", "eyJhbGciOiJFZERTQSJ9.e30.AAAA", "a.b.c").map(v -> (JsonNode) JSON.textNode(v))));
            case "seat", "seats_item" -> Arbitraries.integers().between(1, 40).map(v -> (JsonNode) JSON.numberNode(v));
            case "quantity" -> Arbitraries.integers().between(1, 4).map(v -> (JsonNode) JSON.numberNode(v));
            case "total_seats" -> Arbitraries.integers().between(1, 300).map(v -> (JsonNode) JSON.numberNode(v));
            case "date_time" -> Arbitraries.integers().between(30, 900).map(days -> JSON.textNode(
                    days % 2 == 0 ? LocalDate.now().plusDays(days) + " 19:00"
                            : LocalDate.now().plusDays(days) + "T18:30:00+02:00"));
            case "url" -> Arbitraries.of("http://127.0.0.1:9/generated", "https://127.0.0.1:9/generated",
                    "ftp://127.0.0.1/x", "not a url").map(v -> (JsonNode) JSON.textNode(v));
            case "currency" -> Arbitraries.of("EUR", "EUR", "JPY", "USD", "XYZ").map(v -> (JsonNode) JSON.textNode(v));
            case "category", "categories_item" -> Arbitraries.of("A", "B", "Z").map(v -> (JsonNode) JSON.textNode(v));
            case "section" -> Arbitraries.of("Stalls", "Balcony", "Nowhere").map(v -> (JsonNode) JSON.textNode(v));
            case "before" -> Arbitraries.of("PT168H", "P1D", "PT1H", "P30D", "PT0S").map(v -> (JsonNode) JSON.textNode(v));
            case "percent" -> Arbitraries.integers().between(0, 100).map(v -> (JsonNode) JSON.numberNode(v));
            case "payment_reference" -> Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(30)
                    .map(v -> (JsonNode) JSON.textNode(v));
            default -> null;
        };
    }

    private static String singular(String field) {
        return field + "_item";
    }

    static String cut(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "...(" + text.length() + " characters)" : text;
    }
}
