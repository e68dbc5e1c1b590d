package org.boxoffice.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * AWS Lambda as a function sees it, for one execution environment, and API Gateway (HTTP API) in front
 * of it, so that the acceptance suite talks HTTP to a Lambda zip as its callers do:
 * <ul>
 * <li>a stand-in for the Runtime API (2018-06-01): the function asks for its next invocation and posts
 * the answer or an error;</li>
 * <li>an HTTP front that turns each request into an API Gateway v2 (HTTP API, payload 2.0) event and the
 * function's answer back into HTTP; a function error or no answer within API Gateway's 30 s becomes
 * its 502 or 503, and an answer over Lambda's 6 MB limit a 502;</li>
 * <li>as Lambda does, the environment is frozen (SIGSTOP to the function's processes) while it waits
 * for its next invocation, and thawed to take it: threads of its own make no progress between
 * requests, so whatever must happen without a request has to come from the schedule event.</li>
 * </ul>
 * One environment takes one invocation at a time; requests that come meanwhile wait their turn.
 */
final class LambdaStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/2018-06-01/runtime";
    private static final long RESPONSE_LIMIT_BYTES = 6 * 1024 * 1024;
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** One invocation: its event, and the function's answer once given. */
    private record Invocation(String id, byte[] event, CompletableFuture<JsonNode> answer) {
    }

    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> running = new ConcurrentHashMap<>();
    private final HttpServer runtimeApi;
    private final HttpServer front;
    private volatile ProcessHandle function;
    private volatile String initError;

    LambdaStandIn() {
        try {
            runtimeApi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            front = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        runtimeApi.setExecutor(Executors.newCachedThreadPool());
        runtimeApi.createContext(API, this::runtime);
        runtimeApi.start();
        front.setExecutor(Executors.newCachedThreadPool());
        front.createContext("/", this::gateway);
        front.start();
    }

    /** {@code AWS_LAMBDA_RUNTIME_API} for the function. */
    String runtimeApiAddress() {
        return "127.0.0.1:" + runtimeApi.getAddress().getPort();
    }

    /** Where API Gateway answers. */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + front.getAddress().getPort() + path);
    }

    /** The function's process, frozen between invocations from now on. */
    void serve(ProcessHandle process) {
        this.function = process;
    }

    /** Invokes the function with this event, as {@code aws lambda invoke} does, and returns its answer. */
    JsonNode invoke(JsonNode event, long timeoutSeconds) throws Exception {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), JSON.writeValueAsBytes(event),
                new CompletableFuture<>());
        pending.add(invocation);
        return invocation.answer().get(timeoutSeconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        thaw();
        front.stop(0);
        runtimeApi.stop(0);
    }

    private void runtime(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(API.length());
        try (exchange) {
            if (path.equals("/invocation/next") && "GET".equals(exchange.getRequestMethod())) {
                Invocation next = pending.poll();
                if (next == null) {
                    freeze();
                    next = pending.take();
                    thaw();
                }
                running.put(next.id(), next);
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", next.id());
                exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                        Long.toString(System.currentTimeMillis() + 30_000));
                exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:us-east-1:123456789012:function:boxoffice");
                exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                send(exchange, 200, next.event());
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.equals("/init/error")) {
                initError = new String(body, StandardCharsets.UTF_8);
                pending.forEach(waiting -> waiting.answer().completeExceptionally(new IllegalStateException(
                        "the function failed to start: " + initError)));
            } else if (path.startsWith("/invocation/")) {
                String[] parts = path.split("/");
                Invocation invocation = running.remove(parts[2]);
                if (invocation != null) {
                    finish(invocation, parts[3], body);
                }
            }
            send(exchange, 202, new byte[0]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void finish(Invocation invocation, String outcome, byte[] body) throws IOException {
        if (outcome.equals("error")) {
            invocation.answer().completeExceptionally(new FunctionError(new String(body, StandardCharsets.UTF_8)));
        } else if (body.length > RESPONSE_LIMIT_BYTES) {
            invocation.answer().completeExceptionally(new FunctionError("the answer of " + body.length
                    + " bytes is over Lambda's 6 MB limit"));
        } else {
            invocation.answer().complete(JSON.readTree(body));
        }
    }

    private void gateway(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (initError != null) {
                send(exchange, 502, "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            JsonNode answer;
            try {
                answer = invoke(event(exchange), 30);
            } catch (TimeoutException e) {
                send(exchange, 503, "{\"message\":\"Service Unavailable\"}".getBytes(StandardCharsets.UTF_8));
                return;
            } catch (Exception e) {
                send(exchange, 502, "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            respond(exchange, answer);
        }
    }

    /** The API Gateway HTTP API (payload format 2.0) event for this request. */
    private static ObjectNode event(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", uri.getRawPath());
        event.put("rawQueryString", uri.getRawQuery() == null ? "" : uri.getRawQuery());
        ObjectNode headers = event.putObject("headers");
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (key.equals("cookie")) {
                values.forEach(value -> cookies.addAll(List.of(value.split(";\\s*"))));
            } else {
                headers.put(key, String.join(",", values));
            }
        });
        if (!cookies.isEmpty()) {
            cookies.forEach(event.putArray("cookies")::add);
        }
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String pair : uri.getRawQuery().split("&")) {
                String[] nameValue = pair.split("=", 2);
                String name = URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8);
                String value = nameValue.length > 1 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "";
                parameters.merge(name, value, (first, more) -> first + "," + more);
            }
            ObjectNode query = event.putObject("queryStringParameters");
            parameters.forEach(query::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "123456789012");
        context.put("apiId", "boxoffice");
        context.put("domainName", "localhost");
        context.put("domainPrefix", "localhost");
        ObjectNode http = context.putObject("http");
        http.put("method", exchange.getRequestMethod());
        http.put("path", uri.getRawPath());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", exchange.getRequestHeaders().getFirst("User-Agent"));
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", "$default");
        context.put("stage", "$default");
        Instant now = Instant.now();
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (body.length > 0) {
            String text = utf8(body);
            event.put("body", text != null ? text : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", text == null);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /** API Gateway's HTTP answer for the function's (payload format 2.0) response. */
    private static void respond(HttpExchange exchange, JsonNode answer) throws IOException {
        if (!answer.has("statusCode")) {
            send(exchange, 502, "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Consumer<Map.Entry<String, JsonNode>> header = field -> {
            if (field.getValue().isArray()) {
                field.getValue().forEach(value -> exchange.getResponseHeaders().add(field.getKey(), value.asText()));
            } else {
                exchange.getResponseHeaders().add(field.getKey(), field.getValue().asText());
            }
        };
        answer.path("headers").fields().forEachRemaining(header);
        answer.path("multiValueHeaders").fields().forEachRemaining(field -> {
            exchange.getResponseHeaders().remove(field.getKey());
            header.accept(field);
        });
        answer.path("cookies").forEach(cookie -> exchange.getResponseHeaders().add("Set-Cookie", cookie.asText()));
        String body = answer.path("body").asText("");
        byte[] bytes = answer.path("isBase64Encoded").asBoolean() ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        send(exchange, answer.get("statusCode").asInt(), bytes);
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException binary) {
            return null;
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean noBody = status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, noBody || body.length == 0 ? -1 : body.length);
        if (!noBody && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void freeze() {
        signal("STOP");
    }

    private void thaw() {
        signal("CONT");
    }

    /** Sends the signal to the function's process and every process it started. */
    private void signal(String name) {
        ProcessHandle process = function;
        if (process == null || !process.isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + name, Long.toString(process.pid())));
        process.descendants().forEach(child -> command.add(Long.toString(child.pid())));
        try {
            new ProcessBuilder(command).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the function reported as its error for an invocation. */
    static final class FunctionError extends Exception {
        FunctionError(String message) {
            super(message);
        }
    }
}
