package org.boxoffice.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.boxoffice.acceptance.ApiDocument.Operation;
import org.boxoffice.acceptance.GeneratedRequests.Mutation;
import org.boxoffice.acceptance.GeneratedRequests.Ref;
import org.boxoffice.acceptance.GeneratedRequests.Request;
import org.boxoffice.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests generated from the API document the deployment serves ({@code /q/openapi}), valid and broken
 * ({@link GeneratedRequests}, drawn by our own seeded generator), sent to the deployment under test (the
 * acceptance suite's {@link Deployment}, once per store). For every answer: no 5xx; a
 * status the document lists for the operation with the content type it lists and, for a 2xx, a body of
 * its schema (a request sent with another method than its operation's: a refusal of {@link #WRONG_METHOD}
 * that is a problem document); and a refused
 * request (4xx) changed nothing of what it named: its event (the event, its seat counts, sales report and
 * waiting list), hold, booking, waiting-list entry, webhook, and the events at a venue it gave.
 *
 * <p>The seed is fixed unless {@code -Dgenerated.seed} gives another, so a run sends the same kinds of
 * requests each time; a failure names the seed, the try and the request, and that seed reruns it
 * (docs/testing.md). A failing request is not shrunk to a smaller one: the message shows it whole.
 */
class GeneratedRequestsIT {

    /**
     * A thousand tries on the jar, where the service's own rules are what is tried; the other artifacts run the
     * same code, so a few hundred (the same seed: the first ones of the jar's) show their packaging answers
     * alike. Behind the Lambda stand-in each request is an invocation of a function frozen in between, several
     * times slower: a hundred there.
     */
    static final int TRIES = !AcceptanceTest.DEPLOYMENT.artifact().runsBetweenRequests() ? 100
            : Deployment.artifactKind().equals("jar") ? 1000 : 300;

    /**
     * What a request with a method its path does not take may answer (the HTTP layer's refusals, the caller's,
     * the limits'): it belongs to no operation. Every other answer must be listed for its operation, 404 and
     * 409 included.
     */
    private static final Set<Integer> WRONG_METHOD = Set.of(400, 401, 403, 404, 405, 413, 415, 429);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static ApiDocument document;
    private static GeneratedRequests generator;
    private static World world;
    private static final AtomicInteger tries = new AtomicInteger();
    private static final Map<String, Integer> outcomes = new TreeMap<>();

    /** The seed of a run: {@code -Dgenerated.seed=...} reruns another one. */
    static final long SEED = Long.getLong("generated.seed", 4242424242L);

    @BeforeAll
    static void startAndFurnish() throws Exception {
        Deployment deployment = AcceptanceTest.DEPLOYMENT;
        Answer served = send("GET", deployment.uri("/q/openapi?format=json"), null, Map.of(), null);
        if (served.status != 200) {
            throw new IllegalStateException("GET /q/openapi answered " + served.status);
        }
        document = new ApiDocument(MAPPER.readTree(served.body));
        generator = new GeneratedRequests(document);
        world = new World(deployment);
        world.furnish();
    }

    @AfterAll
    static void report() throws Exception {
        System.out.println("[generated] " + tries.get() + " tries on " + (AcceptanceTest.DEPLOYMENT.onPostgres()
                ? "postgres" : "memory") + "; answers by operation and status: " + outcomes);
        if (world != null) {
            world.removeWebhooks();
        }
    }

    @Test
    void everyAnswerConformsAndARefusalChangesNothing() {
        // One random source for the whole run: try n's request depends only on the seed and n.
        SplittableRandom random = new SplittableRandom(SEED);
        for (int n = 1; n <= TRIES; n++) {
            Request request = generator.request(random);
            try {
                check(request);
            } catch (Throwable failure) {
                throw new AssertionError("seed " + SEED + " (rerun with -Dgenerated.seed=" + SEED + "), try " + n
                        + " of " + TRIES + ", request " + request + ":\n" + failure.getMessage(), failure);
            }
        }
    }

    private static void check(Request request) throws Exception {
        tries.incrementAndGet();
        if (tries.get() % 150 == 0) {
            world.furnishMore();
        }
        Sent sent = world.resolve(request);
        boolean changes = !request.method().equals("get");
        Map<String, String> before = changes ? world.snapshot(request, sent) : Map.of();
        Answer answer = send(request.method().toUpperCase(), sent.uri, sent.token, sent.headers, sent.body);
        outcomes.merge(request.operation().id() + " " + answer.status, 1, Integer::sum);
        List<String> wrong = conformance(request, answer);
        if (!wrong.isEmpty()) {
            throw new AssertionError("The answer does not conform to the document: " + wrong + "\n" + describe(request,
                    sent, answer));
        }
        if (answer.status >= 400 && changes) {
            Map<String, String> after = world.snapshot(request, sent);
            if (!after.equals(before)) {
                throw new AssertionError("A refused request changed something:\n" + differences(before, after) + "\n"
                        + describe(request, sent, answer));
            }
        } else if (answer.status / 100 == 2) {
            world.learn(request, answer);
        }
    }

    /** What is wrong with the answer, by the document: nothing (an empty list) when it conforms. */
    private static List<String> conformance(Request request, Answer answer) {
        List<String> wrong = new ArrayList<>();
        if (answer.status >= 500) {
            wrong.add("a server error, " + answer.status);
            return wrong;
        }
        Operation operation = request.operation();
        JsonNode listed = request.mutation() == Mutation.WRONG_METHOD ? null : operation.response(answer.status);
        if (listed == null) {
            if (request.mutation() != Mutation.WRONG_METHOD || !WRONG_METHOD.contains(answer.status)) {
                wrong.add("status " + answer.status + " is not listed for " + operation);
            } else {
                problem(answer, wrong);
            }
            return wrong;
        }
        JsonNode content = listed.path("content");
        if (content.isEmpty()) {
            if (answer.body.length > 0) {
                wrong.add("a body where the document lists none");
            }
            return wrong;
        }
        String type = answer.mediaType();
        if (!content.has(type)) {
            wrong.add("content type " + answer.contentType + ", where the document lists " + content.properties()
                    .stream().map(Map.Entry::getKey).toList());
            return wrong;
        }
        if (answer.status >= 400) {
            problem(answer, wrong);
        }
        if (type.endsWith("json")) {
            try {
                JsonNode body = MAPPER.readTree(answer.body);
                document.violations(body, content.get(type).get("schema")).forEach(wrong::add);
            } catch (IOException e) {
                wrong.add("a body that is not JSON: " + e.getMessage());
            }
        }
        return wrong;
    }

    /** An RFC 9457 problem document whose status is the answer's. */
    private static void problem(Answer answer, List<String> wrong) {
        if (!answer.mediaType().equals("application/problem+json")) {
            wrong.add("a refusal of content type " + answer.contentType + ", not application/problem+json");
            return;
        }
        try {
            JsonNode body = MAPPER.readTree(answer.body);
            if (!body.path("type").isTextual() || !body.path("title").isTextual()
                    || body.path("status").asInt() != answer.status) {
                wrong.add("a problem document without its type, title or status " + answer.status);
            }
        } catch (IOException e) {
            wrong.add("a problem document that is not JSON");
        }
    }

    private static String describe(Request request, Sent sent, Answer answer) {
        return "request: " + request + "\nsent: " + sent + "\nanswer: " + answer.status + " " + answer.contentType
                + " " + GeneratedRequests.cut(new String(answer.body, StandardCharsets.UTF_8));
    }

    private static String differences(Map<String, String> before, Map<String, String> after) {
        StringBuilder text = new StringBuilder();
        before.forEach((what, was) -> {
            if (!was.equals(after.get(what))) {
                text.append(what).append(":\n  before ").append(was).append("\n  after  ").append(after.get(what))
                        .append('\n');
            }
        });
        return text.toString();
    }

    /** A request as sent: its URI, token (or none), headers and body bytes (or none). */
    record Sent(URI uri, String token, Map<String, String> headers, byte[] body) {
        @Override
        public String toString() {
            return uri + " " + headers + " body="
                    + (body == null ? "-" : GeneratedRequests.cut(new String(body, StandardCharsets.UTF_8)));
        }
    }

    record Answer(int status, String contentType, byte[] body, HttpResponse<byte[]> response) {
        String mediaType() {
            return contentType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        }

        JsonNode json() throws IOException {
            return MAPPER.readTree(body);
        }
    }

    static Answer send(String method, URI uri, String token, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        HttpClient client = body != null && body.length > 16 * 1024 ? HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).build() : HTTP;
        HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), response);
    }

    /**
     * What the requests work on: events (plain, with a layout and prices, sold out with a waiting list), holds,
     * bookings and their tickets, webhooks, of a few organizers and customers, at a venue of this run; and
     * callers of each role. Refs of generated requests resolve to these.
     */
    static final class World {

        private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

        private final Deployment deployment;
        private final String venue = "Generated Hall " + UUID.randomUUID().toString().substring(0, 8);
        private final List<String> organizers = new ArrayList<>();
        private final List<String> customers = new ArrayList<>();
        private final List<String> admins = new ArrayList<>();
        private final List<String> observers = new ArrayList<>();
        private final String scanner = Tokens.valid("scanner-" + UUID.randomUUID(), "scanner");
        private final Map<String, List<String>> ids = new LinkedHashMap<>();
        /** The event of each hold, booking, ticket and waiting-list entry. */
        private final Map<String, String> eventOf = new LinkedHashMap<>();
        private final Map<String, List<String>> ticketsOf = new LinkedHashMap<>();
        private int observed;

        World(Deployment deployment) {
            this.deployment = deployment;
            for (int i = 0; i < 3; i++) {
                organizers.add(Tokens.valid("generated-organizer-" + i + "-" + UUID.randomUUID(), "organizer"));
                customers.add(Tokens.valid("generated-customer-" + i + "-" + UUID.randomUUID(), "customer"));
                admins.add(Tokens.valid("generated-admin-" + i + "-" + UUID.randomUUID(), "admin"));
            }
            // Snapshots are read by admins of their own, so that they spend no actor's rate limit.
            for (int i = 0; i < 6; i++) {
                observers.add(Tokens.valid("generated-observer-" + i + "-" + UUID.randomUUID(), "admin"));
            }
            for (String kind : List.of("event", "hold", "booking", "ticket", "code", "entry", "webhook")) {
                ids.put(kind, new ArrayList<>());
            }
        }

        void furnish() throws Exception {
            String soldOut = created("/events", organizers.get(0), event(1, false), "event_id");
            add("event", soldOut);
            book(customers.get(0), soldOut, "{\"event_id\":\"" + soldOut + "\",\"seats\":[1]}");
            for (int c = 1; c < customers.size(); c++) {
                String entry = created("/events/" + soldOut + "/waitlist", customers.get(c), "{\"quantity\":1}", "entry_id");
                add("entry", entry);
                eventOf.put(entry, soldOut);
            }
            for (String organizer : organizers) {
                add("webhook", created("/webhooks", organizer,
                        "{\"url\":\"http://127.0.0.1:9/generated\",\"events\":[\"booking.confirmed\"]}", "webhook_id"));
            }
            furnishMore();
        }

        /** Events, holds and bookings anew: generated requests cancel, release and fill the earlier ones. */
        void furnishMore() throws Exception {
            for (int i = 0; i < organizers.size(); i++) {
                String plain = created("/events", organizers.get(i), event(60, false), "event_id");
                String laidOut = created("/events", organizers.get(i), event(0, true), "event_id");
                add("event", plain);
                add("event", laidOut);
                String customer = customers.get(i);
                hold(customer, plain);
                String confirming = hold(customer, laidOut);
                book(customer, laidOut, "{\"hold_id\":\"" + confirming + "\"}");
                book(customer, plain, "{\"event_id\":\"" + plain + "\",\"seats\":[" + (41 + i) + "," + (51 + i) + "]}");
            }
        }

        private String hold(String customer, String event) throws Exception {
            String hold = created("/holds", customer, "{\"event_id\":\"" + event + "\",\"quantity\":2}", "hold_id");
            add("hold", hold);
            eventOf.put(hold, event);
            return hold;
        }

        private void book(String customer, String event, String body) throws Exception {
            String booking = created("/bookings", customer, body, "booking_id");
            add("booking", booking);
            eventOf.put(booking, event);
            JsonNode tickets = call("GET", "/bookings/" + booking + "/tickets", customer, null).json();
            List<String> ticketIds = new ArrayList<>();
            for (JsonNode ticket : tickets.path("items")) {
                ticketIds.add(ticket.path("ticket_id").asText());
                add("ticket", ticket.path("ticket_id").asText());
                add("code", ticket.path("code").asText());
            }
            ticketsOf.put(booking, ticketIds);
        }

        private String event(int seats, boolean layout) {
            ObjectNode event = JSON.objectNode().put("name", "Generated " + (layout ? "gala" : "show"))
                    .put("date_time", AcceptanceTest.FUTURE).put("venue", venue);
            if (layout) {
                ObjectNode stalls = event.putObject("layout").putArray("sections").addObject()
                        .put("name", "Stalls").put("category", "A");
                stalls.putArray("rows").addObject().put("label", "A").put("seats", 10);
                ((com.fasterxml.jackson.databind.node.ArrayNode) stalls.get("rows")).addObject().put("label", "B")
                        .put("seats", 10);
                ((com.fasterxml.jackson.databind.node.ArrayNode) event.get("layout").get("sections")).addObject()
                        .put("name", "Balcony").put("category", "B").putArray("rows").addObject().put("label", "C")
                        .put("seats", 10);
                ObjectNode pricing = event.putObject("pricing").put("currency", "EUR").put("default", 1000);
                pricing.putObject("categories").put("A", 5000).put("B", 2500);
                event.putArray("refund_policy").addObject().put("before", "PT168H").put("percent", 100);
            } else {
                event.put("total_seats", seats);
            }
            return event.toString();
        }

        private void add(String kind, String id) {
            ids.get(kind).add(id);
        }

        /** POSTs this body and returns the field of the 201 answer, waiting out a 429. */
        private String created(String path, String token, String body, String field) throws Exception {
            Answer answer = call("POST", path, token, body);
            if (answer.status != 201) {
                throw new IllegalStateException("POST " + path + " " + body + " answered " + answer.status + " "
                        + new String(answer.body, StandardCharsets.UTF_8));
            }
            return answer.json().path(field).asText();
        }

        /** A request of the fixtures' own, sent again after a 429's Retry-After. */
        private Answer call(String method, String path, String token, String body) throws Exception {
            Map<String, String> headers = body == null ? Map.of() : Map.of("Content-Type", "application/json");
            for (int attempt = 0; ; attempt++) {
                Answer answer = send(method, deployment.uri(path), token, headers,
                        body == null ? null : body.getBytes(StandardCharsets.UTF_8));
                if (answer.status != 429 || attempt == 30) {
                    return answer;
                }
                Thread.sleep(1000L * Long.parseLong(answer.response.headers().firstValue("Retry-After").orElse("1")));
            }
        }

        /** The request with its Refs resolved to this world's ids and its mutation applied. */
        Sent resolve(Request request) throws IOException {
            Map<String, String> path = new LinkedHashMap<>();
            request.path().forEach((name, value) -> path.put(name, value instanceof Ref ref ? id(ref, path) : (String) value));
            String template = request.operation().path();
            for (Map.Entry<String, String> value : path.entrySet()) {
                template = template.replace("{" + value.getKey() + "}", encode(value.getValue()));
            }
            StringBuilder uri = new StringBuilder(template);
            char separator = '?';
            for (Map.Entry<String, String> parameter : request.query().entrySet()) {
                uri.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
                separator = '&';
            }
            Map<String, String> headers = new LinkedHashMap<>();
            request.idempotencyKey().ifPresent(key -> headers.put("Idempotency-Key", key));
            byte[] body = null;
            if (request.body().isPresent()) {
                JsonNode resolved = resolveRefs(request.body().get().deepCopy());
                headers.put("Content-Type", "application/json");
                body = Mutations.apply(request, resolved, document, headers);
            }
            return new Sent(deployment.uri(uri.toString()), token(request.actor()), headers, body);
        }

        private String id(Ref ref, Map<String, String> path) {
            List<String> candidates = ids.get(ref.kind());
            // A ticket of the booking named, an entry of the event named: those are the ones that exist there.
            if (ref.kind().equals("ticket") && ticketsOf.containsKey(path.get("booking_id"))
                    && !ticketsOf.get(path.get("booking_id")).isEmpty()) {
                candidates = ticketsOf.get(path.get("booking_id"));
            }
            if (candidates == null || candidates.isEmpty()) {
                return UUID.randomUUID().toString();
            }
            // Mostly the newest ones, which the run has not used up yet.
            int newest = Math.min(candidates.size(), 12);
            return ref.pick() % 4 == 0 ? candidates.get(ref.pick() % candidates.size())
                    : candidates.get(candidates.size() - 1 - ref.pick() % newest);
        }

        private JsonNode resolveRefs(JsonNode node) {
            if (node instanceof POJONode pojo && pojo.getPojo() instanceof Ref ref) {
                return JSON.textNode(id(ref, Map.of()));
            }
            if (node.isObject()) {
                ObjectNode object = (ObjectNode) node;
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                names.forEach(name -> object.set(name, resolveRefs(object.get(name))));
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, resolveRefs(node.get(i)));
                }
            }
            return node;
        }

        private String token(GeneratedRequests.Actor actor) {
            return switch (actor.kind()) {
                case "organizer" -> organizers.get(actor.pick() % organizers.size());
                case "customer" -> customers.get(actor.pick() % customers.size());
                case "admin" -> admins.get(actor.pick() % admins.size());
                case "scanner" -> scanner;
                case "broken-token" -> switch (actor.pick()) {
                    case 0 -> "not.a.token";
                    case 1 -> Tokens.expired("generated-late", "admin");
                    default -> Tokens.signedByAnotherKey("generated-forger", "admin");
                };
                default -> null;
            };
        }

        /**
         * What the request could change, read by an admin: each event it names (directly or through its hold,
         * booking or entry) with its seat counts, sales report and waiting list; the hold, booking, entry and
         * webhook it names; the events at the venue of a new event; the caller's webhooks.
         */
        Map<String, String> snapshot(Request request, Sent sent) throws Exception {
            Map<String, String> named = namedIds(request, sent);
            Set<String> events = new java.util.TreeSet<>();
            Map<String, String> reads = new TreeMap<>();
            named.forEach((what, id) -> {
                if (eventOf.containsKey(id)) {
                    events.add(eventOf.get(id));
                }
                switch (what) {
                    case "event_id" -> {
                        if (ids.get("event").contains(id)) {
                            events.add(id);
                        }
                    }
                    case "hold_id" -> reads.put("/holds/" + encode(id), null);
                    case "booking_id" -> reads.put("/bookings/" + encode(id), null);
                    case "webhook_id" -> reads.put("/webhooks/" + encode(id), null);
                    default -> {
                    }
                }
            });
            if (named.containsKey("entry_id") && named.containsKey("event_id")) {
                reads.put("/events/" + encode(named.get("event_id")) + "/waitlist/" + encode(named.get("entry_id")), null);
            }
            for (String event : events) {
                for (String read : List.of("", "/seats", "/report", "/waitlist?limit=100")) {
                    reads.put("/events/" + event + read, null);
                }
            }
            if (request.operation().path().equals("/events") && request.method().equals("post")) {
                String at = named.getOrDefault("venue", venue);
                reads.put("/events?limit=100&venue=" + encode(at.length() > 300 ? venue : at), null);
            }
            Map<String, String> snapshot = new TreeMap<>();
            for (String read : reads.keySet()) {
                snapshot.put(read, observe(read, observers.get(observed++ % observers.size())));
            }
            if (request.operation().path().startsWith("/webhooks") && sent.token != null) {
                snapshot.put("the caller's /webhooks", observe("/webhooks", sent.token));
            }
            return snapshot;
        }

        /** The ids (and the venue) a request names, in its path or its body. */
        private static Map<String, String> namedIds(Request request, Sent sent) {
            Map<String, String> named = new LinkedHashMap<>();
            String[] template = request.operation().path().split("/");
            String[] actual = sent.uri.getRawPath().split("/");
            for (int i = 0; i < Math.min(template.length, actual.length); i++) {
                if (template[i].startsWith("{")) {
                    named.put(template[i].substring(1, template[i].length() - 1),
                            java.net.URLDecoder.decode(actual[i], StandardCharsets.UTF_8));
                }
            }
            if (sent.body != null) {
                try {
                    JsonNode body = MAPPER.readTree(sent.body);
                    for (String field : List.of("event_id", "hold_id", "venue")) {
                        if (body != null && body.path(field).isTextual()) {
                            named.putIfAbsent(field, body.get(field).asText());
                        }
                    }
                } catch (IOException notJson) {
                    // A broken body names nothing the service could read.
                }
            }
            return named;
        }

        /** Status and body, without what differs between any two answers (the request id). */
        private String observe(String path, String token) throws Exception {
            Answer answer = call("GET", path, token, null);
            String body = new String(answer.body, StandardCharsets.UTF_8);
            try {
                JsonNode json = answer.json();
                if (json instanceof ObjectNode object) {
                    object.remove("request_id");
                }
                body = json.toString();
            } catch (IOException notJson) {
                // kept as it is
            }
            return answer.status + " " + body;
        }

        /** Remembers what a 2xx made, so that later requests can name it. */
        void learn(Request request, Answer answer) throws IOException {
            if (!request.method().equals("post") || answer.status != 201) {
                return;
            }
            JsonNode made = answer.json();
            for (String kind : List.of("event", "hold", "booking", "entry", "webhook")) {
                String field = kind + "_id";
                if (made.path(field).isTextual() && request.operation().path().endsWith(kind.equals("entry") ? "waitlist"
                        : kind + "s")) {
                    add(kind, made.get(field).asText());
                    if (made.path("event_id").isTextual() && !kind.equals("event")) {
                        eventOf.put(made.get(field).asText(), made.get("event_id").asText());
                    }
                }
            }
        }

        /** The webhooks the run made point nowhere: they are deleted, so that later deliveries leave them alone. */
        void removeWebhooks() throws Exception {
            List<String> owners = new ArrayList<>(organizers);
            owners.addAll(admins);
            for (String owner : owners) {
                for (JsonNode webhook : call("GET", "/webhooks", owner, null).json()) {
                    call("DELETE", "/webhooks/" + webhook.path("webhook_id").asText(), owner, null);
                }
            }
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    /** Breaks a valid body in the way its request says ({@link Mutation}). */
    static final class Mutations {

        private static final String ODD = "@@odd@@";

        private Mutations() {
        }

        static byte[] apply(Request request, JsonNode body, ApiDocument document, Map<String, String> headers)
                throws IOException {
            int pick = request.pick();
            JsonNode schema = document.resolve(request.operation().requestBody());
            List<String> fields = new ArrayList<>();
            body.fieldNames().forEachRemaining(fields::add);
            ObjectNode object = body instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
            String field = fields.isEmpty() ? "name" : fields.get(pick % fields.size());
            switch (request.mutation()) {
                case DROP_REQUIRED -> {
                    List<String> required = new ArrayList<>();
                    schema.path("required").forEach(name -> required.add(name.asText()));
                    object.remove(required.isEmpty() ? field : required.get(pick % required.size()));
                }
                case WRONG_TYPE -> {
                    JsonNode was = object.path(field);
                    JsonNodeFactory json = JsonNodeFactory.instance;
                    object.set(field, was.isTextual() ? json.numberNode(pick) : was.isNumber() ? json.textNode("" + pick)
                            : was.isArray() ? json.textNode("1,2") : was.isObject() ? json.arrayNode()
                            : json.objectNode().put("value", pick));
                }
                case OUT_OF_RANGE -> {
                    JsonNodeFactory json = JsonNodeFactory.instance;
                    List<JsonNode> numbers = List.of(json.numberNode(0), json.numberNode(-1),
                            json.numberNode(2147483648L), json.numberNode(1e20), json.numberNode(1.5),
                            json.numberNode(new java.math.BigInteger("99999999999999999999999")));
                    JsonNode number = numbers.get(pick % numbers.size());
                    String target = fields.stream().filter(name -> object.get(name).isNumber()
                            || object.get(name).isArray()).findFirst().orElse(schemaNumberField(schema, document, pick));
                    object.set(target, object.path(target).isArray()
                            ? (pick % 3 == 0 ? json.arrayNode().add(1).add(1) : pick % 3 == 1
                                    ? json.arrayNode().add(number) : bigList(json)) : number);
                }
                case UNKNOWN_FIELD -> object.put(List.of("status", "organizer", "booking_id", "zzz")
                        .get(pick % 4), "free");
                case HUGE_STRING -> object.put(field, "x".repeat(List.of(201, 20_000, 200_000, 1_100_000).get(pick % 4)));
                case ODD_TEXT -> object.put(field, ODD);
                default -> {
                }
            }
            String text = MAPPER.writeValueAsString(object);
            return switch (request.mutation()) {
                case ODD_TEXT -> odd(text, pick);
                case NOT_AN_OBJECT -> List.of("[]", "42", "null", "\"text\"", "[" + text + "]").get(pick % 5)
                        .getBytes(StandardCharsets.UTF_8);
                case MALFORMED_JSON -> List.of(text.substring(0, text.length() / 2), "{", "{'a':1}", text + "}",
                        "{\"event_id\":}").get(pick % 5).getBytes(StandardCharsets.UTF_8);
                case WRONG_CONTENT_TYPE -> {
                    String type = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                            "", "application/octet-stream").get(pick % 5);
                    if (type.isEmpty()) {
                        headers.remove("Content-Type");
                    } else {
                        headers.put("Content-Type", type);
                    }
                    yield text.getBytes(StandardCharsets.UTF_8);
                }
                case NO_BODY -> new byte[0];
                default -> text.getBytes(StandardCharsets.UTF_8);
            };
        }

        private static JsonNode bigList(JsonNodeFactory json) {
            var list = json.arrayNode();
            for (int i = 1; i <= 60; i++) {
                list.add(i);
            }
            return list;
        }

        private static String schemaNumberField(JsonNode schema, ApiDocument document, int pick) {
            List<String> numeric = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                List<String> types = ApiDocument.types(document.resolve(property.getValue()));
                if (types.contains("integer") || types.contains("array")) {
                    numeric.add(property.getKey());
                }
            }
            return numeric.isEmpty() ? "quantity" : numeric.get(pick % numeric.size());
        }

        /** The body with an odd text in one field: NUL, a lone surrogate, bytes that are not UTF-8, and others. */
        private static byte[] odd(String text, int pick) {
            int cut = text.indexOf(ODD);
            byte[] before = text.substring(0, cut).getBytes(StandardCharsets.UTF_8);
            byte[] after = text.substring(cut + ODD.length()).getBytes(StandardCharsets.UTF_8);
            List<byte[]> odd = List.of("a\\u0000b".getBytes(StandardCharsets.UTF_8),
                    "lone \\ud800".getBytes(StandardCharsets.UTF_8), "\\udc00\\ud800".getBytes(StandardCharsets.UTF_8),
                    new byte[] {'a', (byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xFF, (byte) 0xFE},
                    "\u202Eevil\u202C 😀 e\u0301".getBytes(StandardCharsets.UTF_8), " \\t\\n ".getBytes(StandardCharsets.UTF_8),
                    "\uFEFF\u200B".getBytes(StandardCharsets.UTF_8), "\\u0007".getBytes(StandardCharsets.UTF_8));
            byte[] middle = odd.get(pick % odd.size());
            byte[] all = new byte[before.length + middle.length + after.length];
            System.arraycopy(before, 0, all, 0, before.length);
            System.arraycopy(middle, 0, all, before.length, middle.length);
            System.arraycopy(after, 0, all, before.length + middle.length, after.length);
            return all;
        }
    }
}
