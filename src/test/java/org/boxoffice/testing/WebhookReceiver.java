package org.boxoffice.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import org.awaitility.Awaitility;

/**
 * A webhook receiver on a free loopback port, for tests: it keeps every request it is sent and answers
 * each path with the statuses it was told to, in turn (the last one for good); 204 by default. Over TLS
 * when given a context, keeping the host name the client asked for (SNI).
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(20);

    /** One request as received, the status it was answered with, and over TLS the SNI host name, if any. */
    public record Received(String path, Map<String, String> headers, String body, int answered,
            String serverName) {

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The CloudEvent's type without its prefix: {@code booking.confirmed}. */
        public String type() {
            return json().path("type").asText().replaceFirst("^org\\.boxoffice\\.", "");
        }

        public String subject() {
            return json().path("subject").asText();
        }

        /**
         * Whether a {@code v1} entry of the {@code webhook-signature} header is the HMAC-SHA256, keyed by the
         * secret's bytes, of {@code webhook-id.webhook-timestamp.body}: computed here, independently of the
         * service's own code, as the Standard Webhooks scheme says.
         */
        public boolean signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                        "HmacSHA256"));
                String signed = header("webhook-id") + "." + header("webhook-timestamp") + "." + body;
                String expected = "v1," + Base64.getEncoder()
                        .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
                return List.of(header("webhook-signature").split(" ")).contains(expected);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final Map<String, Queue<Integer>> answers = new ConcurrentHashMap<>();

    public WebhookReceiver() {
        this(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null);
    }

    /** A receiver on this address, over TLS with this context when there is one. */
    public WebhookReceiver(InetSocketAddress address, SSLContext tls) {
        try {
            if (tls == null) {
                server = HttpServer.create(address, 0);
            } else {
                HttpsServer https = HttpsServer.create(address, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            Queue<Integer> statuses = answers.get(path);
            Integer status = statuses == null ? null : statuses.size() > 1 ? statuses.poll() : statuses.peek();
            int answered = status == null ? 204 : status;
            String serverName = exchange instanceof HttpsExchange secure
                    && secure.getSSLSession() instanceof ExtendedSSLSession session
                    ? session.getRequestedServerNames().stream().filter(SNIHostName.class::isInstance)
                            .map(name -> ((SNIHostName) name).getAsciiName()).findFirst().orElse(null)
                    : null;
            received.add(new Received(path, headers, body, answered, serverName));
            exchange.sendResponseHeaders(answered, -1);
            exchange.close();
        });
        server.start();
    }

    /** The URL of a path on this receiver. */
    public String url(String path) {
        return (server instanceof HttpsServer ? "https://" : "http://")
                + server.getAddress().getAddress().getHostAddress() + ":" + port() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Answers requests to {@code path} with these statuses in turn, the last for good. */
    public void answer(String path, Integer... statuses) {
        answers.put(path, new ConcurrentLinkedQueue<>(List.of(statuses)));
    }

    public List<Received> received(Predicate<Received> which) {
        return received.stream().filter(which).toList();
    }

    /** Waits (up to {@code within}) until at least {@code count} requests match, and returns them all. */
    public List<Received> await(Predicate<Received> which, int count, Duration within) {
        Awaitility.await().atMost(within).pollInterval(POLL).untilAsserted(() -> assertThat(received(which))
                .as("matching deliveries among %s", summary()).hasSizeGreaterThanOrEqualTo(count));
        return received(which);
    }

    /**
     * Checks that no more than {@code count} requests match for the whole of {@code during}: nothing more
     * arrives (a late or repeated delivery would within that time). Returns those that match.
     */
    public List<Received> awaitNoMore(Predicate<Received> which, int count, Duration during) {
        Awaitility.await().during(during).atMost(during.plusSeconds(2)).pollInterval(POLL)
                .untilAsserted(() -> assertThat(received(which)).as("matching deliveries among %s", summary())
                        .hasSizeLessThanOrEqualTo(count));
        return received(which);
    }

    private List<String> summary() {
        return received.stream().map(r -> r.path() + " " + r.type() + " " + r.subject()).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
