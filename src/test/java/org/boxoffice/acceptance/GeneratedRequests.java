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
import java.util.SplittableRandom;
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

    /** Any operation of the document, with its values, drawn with {@code random} (the same seed, the same requests). */
    Request request(SplittableRandom random) {
        return forOperation(oneOf(random, document.operations()), random);
    }

    private Request forOperation(Operation operation, SplittableRandom random) {
        Actor actor = actor(random);
        Map<String, Object> path = new LinkedHashMap<>();
        operation.parameters().stream().filter(parameter -> parameter.path("in").asText().equals("path"))
                .forEach(parameter -> path.put(parameter.path("name").asText(),
                        pathValue(parameter.path("name").asText(), random)));
        Map<String, String> query = new LinkedHashMap<>();
        operation.parameters().stream().filter(parameter -> parameter.path("in").asText().equals("query"))
                .forEach(parameter -> queryValue(parameter, random)
                        .ifPresent(value -> query.put(parameter.path("name").asText(), value)));
        boolean idempotent = operation.parameters().stream()
                .anyMatch(parameter -> parameter.path("name").asText().equals("Idempotency-Key"));
        Optional<String> key = idempotent ? idempotencyKey(random) : Optional.empty();
        Optional<JsonNode> body = operation.requestBody() == null ? Optional.empty()
                : Optional.of(valid(operation.requestBody(), "", 0, random));
        Mutation mutation = operation.requestBody() == null
                ? (weighted(random, 12, 1) == 0 ? Mutation.NONE : Mutation.WRONG_METHOD)
                : Mutation.values()[weighted(random, 30, 4, 4, 4, 3, 2, 4, 2, 2, 2, 1, 1)];
        int pick = between(random, 0, 1000);
        Set<String> methods = document.methodsOf(operation.path());
        List<String> others = new ArrayList<>(List.of("get", "put", "post", "delete", "patch"));
        others.removeAll(methods);
        String otherMethod = oneOf(random, others.isEmpty() ? List.of("patch") : others);
        String method = mutation == Mutation.WRONG_METHOD ? otherMethod : operation.method();
        return new Request(operation, method, actor, path, query, key, body, mutation, pick);
    }

    private static Actor actor(SplittableRandom random) {
        return switch (weighted(random, 6, 6, 3, 1, 1, 1)) {
            case 0 -> new Actor("organizer", between(random, 0, 99));
            case 1 -> new Actor("customer", between(random, 0, 99));
            case 2 -> new Actor("admin", between(random, 0, 99));
            case 3 -> new Actor("scanner", 0);
            case 4 -> new Actor("nobody", 0);
            default -> new Actor("broken-token", between(random, 0, 2));
        };
    }

    private static Object pathValue(String name, SplittableRandom random) {
        String kind = switch (name) {
            case "event_id" -> "event";
            case "hold_id" -> "hold";
            case "booking_id" -> "booking";
            case "ticket_id" -> "ticket";
            case "entry_id" -> "entry";
            case "webhook_id" -> "webhook";
            default -> "event";
        };
        return switch (weighted(random, 10, 2, 1)) {
            case 0 -> new Ref(kind, between(random, 0, 1000));
            case 1 -> uuid(random);
            default -> oneOf(random, List.of("not-an-id", "0", "-1", "...", "%", " ", "événement", "a/b",
                    "00000000-0000-0000-0000-000000000000", "x".repeat(300), "\u0000", "😀"));
        };
    }

    private Optional<String> queryValue(JsonNode parameter, SplittableRandom random) {
        String name = parameter.path("name").asText();
        return switch (weighted(random, 4, 5, 2)) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(switch (name) {
                case "from", "to" -> oneOf(random, List.of(LocalDate.now().toString(),
                        LocalDate.now().plusYears(2).toString(), LocalDate.now() + " 19:00",
                        LocalDate.now().plusYears(1) + "T00:00:00Z"));
                case "venue" -> oneOf(random, List.of("Generated Hall", "Central Park", "nowhere"));
                case "cursor" -> text(random, ALPHANUMERIC, 1, 40);
                default -> valid(parameter.path("schema"), name, 0, random).asText();
            });
            default -> Optional.of(oneOf(random, List.of("", "abc", "-1", "0", "101", "1.5", "99999999999999999999",
                    "true", "\u0000", "%", "2030-13-45", "x".repeat(3000), "😀", "null")));
        };
    }

    private static Optional<String> idempotencyKey(SplittableRandom random) {
        return switch (weighted(random, 6, 3, 1)) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of("generated-key-" + between(random, 0, 30));
            default -> Optional.of(oneOf(random, List.of("", " ", "has space", "k".repeat(256), "tab\there",
                    "{json}\"")));
        };
    }

    /** A value of this schema, within its bounds, with values that fit the fields the service has. */
    JsonNode valid(JsonNode schemaOrRef, String field, int depth, SplittableRandom random) {
        JsonNode schema = document.resolve(schemaOrRef);
        JsonNode known = forField(field, random);
        if (known != null) {
            return known;
        }
        // The document's own example, one time in three: a value the service surely takes.
        if (schema.has("examples") && weighted(random, 2, 1) == 1) {
            return schema.get("examples").get(0);
        }
        if (schema.has("enum")) {
            List<JsonNode> values = new ArrayList<>();
            schema.get("enum").forEach(values::add);
            return oneOf(random, values);
        }
        for (String keyword : List.of("oneOf", "anyOf")) {
            if (schema.has(keyword)) {
                List<JsonNode> choices = new ArrayList<>();
                schema.get(keyword).forEach(choices::add);
                return valid(oneOf(random, choices), field, depth + 1, random);
            }
        }
        List<String> types = new ArrayList<>(ApiDocument.types(schema));
        types.remove("null");
        String type = types.isEmpty() ? (schema.has("properties") ? "object" : "string") : types.get(0);
        return switch (type) {
            case "object" -> {
                // A body the document refuses by its form (seats or quantity, not both) is drawn again.
                ObjectNode object = object(schema, depth, random);
                for (int tries = 0; schema.has("not") && hasForm(schema.get("not"), object) && tries < 20; tries++) {
                    object = object(schema, depth, random);
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = JSON.arrayNode();
                if (depth <= 4) {
                    int min = schema.path("minItems").asInt(0);
                    int size = between(random, min, Math.max(min, Math.min(4, schema.path("maxItems").asInt(4))));
                    Set<JsonNode> seen = new java.util.HashSet<>();
                    for (int i = 0; i < size; i++) {
                        JsonNode item = valid(schema.path("items"), singular(field), depth + 1, random);
                        if (!schema.path("uniqueItems").asBoolean(false) || seen.add(item)) {
                            array.add(item);
                        }
                    }
                }
                yield array;
            }
            case "integer", "number" -> {
                long min = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
                long max = schema.has("maximum") ? schema.get("maximum").asLong() : min + 100;
                yield JSON.numberNode(random.nextLong(min, max + 1));
            }
            case "boolean" -> JSON.booleanNode(random.nextBoolean());
            default -> {
                int max = Math.min(40, schema.path("maxLength").asInt(40));
                int min = Math.max(1, schema.path("minLength").asInt(1));
                String text;
                do {
                    text = text(random, LETTERS, min, Math.max(min, max));
                } while (text.isBlank());
                yield JSON.textNode(text);
            }
        };
    }

    /** Whether {@code object} has the form {@code schema} states with required, anyOf, allOf and not. */
    private static boolean hasForm(JsonNode schema, JsonNode object) {
        for (JsonNode name : schema.path("required")) {
            if (!object.has(name.asText())) {
                return false;
            }
        }
        if (schema.has("anyOf")) {
            boolean any = false;
            for (JsonNode alternative : schema.get("anyOf")) {
                any |= hasForm(alternative, object);
            }
            if (!any) {
                return false;
            }
        }
        for (JsonNode part : schema.path("allOf")) {
            if (!hasForm(part, object)) {
                return false;
            }
        }
        return !schema.has("not") || !hasForm(schema.get("not"), object);
    }

    private ObjectNode object(JsonNode schema, int depth, SplittableRandom random) {
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        ObjectNode object = JSON.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            if (property.getValue().path("readOnly").asBoolean(false) || depth > 4) {
                continue;
            }
            // An optional field is left out two times in three, so that more bodies are valid.
            if (required.contains(property.getKey()) || weighted(random, 2, 1) == 1) {
                object.set(property.getKey(), valid(property.getValue(), property.getKey(), depth + 1, random));
            }
        }
        if (schema.path("additionalProperties").isObject() && depth <= 4) {
            JsonNode additional = schema.get("additionalProperties");
            for (String name : List.of("A", "B")) {
                if (random.nextBoolean()) {
                    object.set(name, valid(additional, name, depth + 1, random));
                }
            }
        }
        return object;
    }

    /** Values for the fields whose meaning the schema cannot say (ids, seat numbers, dates, URLs). */
    private static JsonNode forField(String field, SplittableRandom random) {
        return switch (field) {
            case "event_id", "hold_id" -> weighted(random, 8, 1) == 0
                    ? new POJONode(new Ref(field.replace("_id", ""), between(random, 0, 1000)))
                    : JSON.textNode(uuid(random));
            case "code" -> weighted(random, 4, 1) == 0
                    ? new POJONode(new Ref("code", between(random, 0, 1000)))
                    : JSON.textNode(oneOf(random, List.of("x", "eyJhbGciOiJFZERTQSJ9.e30.AAAA", "a.b.c")));
            case "seat", "seats_item" -> JSON.numberNode(between(random, 1, 40));
            case "quantity" -> JSON.numberNode(between(random, 1, 4));
            case "total_seats" -> JSON.numberNode(between(random, 1, 300));
            case "date_time" -> {
                int days = between(random, 30, 900);
                yield JSON.textNode(days % 2 == 0 ? LocalDate.now().plusDays(days) + " 19:00"
                        : LocalDate.now().plusDays(days) + "T18:30:00+02:00");
            }
            case "url" -> JSON.textNode(oneOf(random, List.of("http://127.0.0.1:9/generated",
                    "https://127.0.0.1:9/generated", "ftp://127.0.0.1/x", "not a url")));
            case "currency" -> JSON.textNode(oneOf(random, List.of("EUR", "EUR", "JPY", "USD", "XYZ")));
            case "category", "categories_item" -> JSON.textNode(oneOf(random, List.of("A", "B", "Z")));
            case "section" -> JSON.textNode(oneOf(random, List.of("Stalls", "Balcony", "Nowhere")));
            case "before" -> JSON.textNode(oneOf(random, List.of("PT168H", "P1D", "PT1H", "P30D", "PT0S")));
            case "percent" -> JSON.numberNode(between(random, 0, 100));
            case "payment_reference" -> JSON.textNode(text(random, ALPHANUMERIC, 1, 30));
            default -> null;
        };
    }

    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz -'ÉéßØ";

    private static int between(SplittableRandom random, int min, int max) {
        return random.nextInt(min, max + 1);
    }

    private static <T> T oneOf(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The index of one of the weights, drawn in proportion to it. */
    private static int weighted(SplittableRandom random, int... weights) {
        int draw = random.nextInt(java.util.Arrays.stream(weights).sum());
        int index = 0;
        while (draw >= weights[index]) {
            draw -= weights[index++];
        }
        return index;
    }

    private static String text(SplittableRandom random, String chars, int min, int max) {
        StringBuilder text = new StringBuilder();
        for (int length = between(random, min, max); text.length() < length; ) {
            text.append(chars.charAt(random.nextInt(chars.length())));
        }
        return text.toString();
    }

    /** A made-up id, from the seed too, so that a rerun sends the same one. */
    private static String uuid(SplittableRandom random) {
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static String singular(String field) {
        return field + "_item";
    }

    static String cut(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "...(" + text.length() + " characters)" : text;
    }
}
