package org.boxoffice.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.PemTrustOptions;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.boxoffice.domain.webhooks.Delivery;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Notification;
import org.boxoffice.domain.NotificationId;
import org.boxoffice.domain.NotificationType;
import org.boxoffice.domain.webhooks.Webhook;
import org.boxoffice.domain.WebhookId;
import org.boxoffice.domain.webhooks.WebhookStore;
import org.boxoffice.domain.webhooks.WebhookUrl;
import org.boxoffice.service.BoxOfficeConfig;
import org.boxoffice.store.memory.InMemoryOutbox;
import org.boxoffice.store.memory.InMemoryWebhookStore;
import org.boxoffice.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The courier's two ways out: to a webhook, a signed structured-mode CloudEvent, refused when the target
 * is private and that is not allowed (checked again at each attempt); to the Knative sink ({@code K_SINK}),
 * a binary-mode CloudEvent with the {@code K_CE_OVERRIDES} extensions. The target is resolved once per
 * attempt and the connection goes to an address that was checked, while TLS still checks the URL's host.
 */
class HttpCourierTest {

    private static final Instant NOW = Instant.now();
    private static final String BOOKING = "01a23808-b9ea-7551-892e-f7d6cda69125";
    private static final Notification BOOKED = Notification.restore(NotificationId.random(),
            NotificationType.BOOKING_CONFIRMED, EventId.random(), "olga", "bookings/" + BOOKING, NOW,
            "{\"booking_id\":\"" + BOOKING + "\",\"seats\":[1,2]}");

    private static final WebhookTarget.Resolver LOCAL = host -> new InetAddress[] {InetAddress.getLoopbackAddress()};

    private WebhookReceiver receiver;
    private WebhookStore store;
    private final Vertx vertx = Vertx.vertx();

    @BeforeEach
    void start() {
        receiver = new WebhookReceiver();
        store = new InMemoryWebhookStore(new InMemoryOutbox());
    }

    @AfterEach
    void stop() {
        receiver.close();
        vertx.close();
    }

    private static BoxOfficeConfig config(boolean allowPrivateTargets) {
        BoxOfficeConfig config = mock(BoxOfficeConfig.class, RETURNS_DEEP_STUBS);
        when(config.webhooks().timeout()).thenReturn(Duration.ofSeconds(5));
        when(config.webhooks().allowPrivateTargets()).thenReturn(allowPrivateTargets);
        return config;
    }

    private KnativeSink sink(String url, String overrides) {
        return new KnativeSink(Optional.ofNullable(url), Optional.ofNullable(overrides), new ObjectMapper(), store,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static WebhookStore.Job job(Webhook webhook) {
        return new WebhookStore.Job(Delivery.of(webhook, BOOKED, NOW), webhook, BOOKED);
    }

    private Webhook webhook(String path, boolean allowPrivate) {
        return Webhook.subscribe(WebhookId.random(), "olga", false, receiver.url(path), List.of("booking.confirmed"),
                allowPrivate, NOW.minusSeconds(1));
    }

    @Test
    void aWebhookGetsASignedStructuredCloudEvent() throws Exception {
        HttpCourier courier = new HttpCourier(config(true), sink(null, null), vertx);
        Webhook webhook = webhook("/hook", true);

        assertThat(courier.deliver(job(webhook), NOW).toCompletableFuture().get()).isEqualTo(204);

        WebhookReceiver.Received sent = receiver.received(r -> true).get(0);
        assertThat(sent.header("content-type")).isEqualTo("application/cloudevents+json");
        assertThat(sent.header("webhook-id")).isEqualTo(BOOKED.id().toString());
        assertThat(sent.header("webhook-timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(sent.signedWith(webhook.currentSecret())).isTrue();
        assertThat(sent.json().path("data")).isEqualTo(new ObjectMapper().readTree(BOOKED.data()));
        assertThat(sent.json().path("subject").asText()).isEqualTo("bookings/" + BOOKING);
        assertThat(sent.header("upgrade")).as("plain HTTP/1.1, no h2c upgrade").isNull();
    }

    @Test
    void aPrivateTargetIsNotSentToWhenThatIsNotAllowedEvenIfItWasOnceAccepted() throws Exception {
        HttpCourier courier = new HttpCourier(config(false), sink(null, null), vertx);
        receiver.answer("/hook", 200);

        assertThat(courier.deliver(job(webhook("/hook", true)), NOW).toCompletableFuture().get())
                .as("no answer: the attempt failed").isNull();
        assertThat(receiver.received(r -> true)).isEmpty();
    }

    /** As the PostgreSQL store gives a webhook whose sealed secrets none of this instance's keys opens. */
    @Test
    void aWebhookWithNoSecretToSignWithIsNotSentTo() throws Exception {
        HttpCourier courier = new HttpCourier(config(true), sink(null, null), vertx);
        receiver.answer("/hook", 200);
        Webhook signed = webhook("/hook", true);
        Webhook unsigned = new Webhook(signed.id(), signed.owner(), false, signed.url(), signed.types(), List.of(),
                signed.createdAt(), null, null);

        assertThat(courier.deliver(job(unsigned), NOW).toCompletableFuture().get())
                .as("no answer: the attempt failed").isNull();
        assertThat(courier.deliver(job(signed), NOW).toCompletableFuture().get()).isEqualTo(200);
        assertThat(receiver.received(r -> true)).singleElement()
                .satisfies(sent -> assertThat(sent.signedWith(signed.currentSecret())).isTrue());
    }

    @Test
    void aReceiverThatDoesNotListenIsNoAnswer() throws Exception {
        HttpCourier courier = new HttpCourier(config(true), sink(null, null), vertx);
        Webhook nowhere = Webhook.subscribe(WebhookId.random(), "olga", false, "http://127.0.0.1:9/closed",
                List.of("booking.confirmed"), true, NOW);

        assertThat(courier.deliver(job(nowhere), NOW).toCompletableFuture().get()).isNull();
    }

    @Test
    void theKnativeSinkVouchesForItsAllEventsSubscriptionOnEachRun() {
        new HttpCourier(config(false), sink(receiver.url("/sink"), null), vertx).prepare();
        // As if a token without the admin role came in the sink's owner's name, and a week went by.
        store.ownerSeen(KnativeSink.OWNER, false, NOW);
        Instant later = NOW.plus(Duration.ofDays(8));
        assertThat(store.list(Optional.empty())).singleElement()
                .satisfies(webhook -> assertThat(webhook.receivesEveryEvent(NOW)).isFalse());

        new HttpCourier(config(false), new KnativeSink(Optional.of(receiver.url("/sink")), Optional.empty(),
                new ObjectMapper(), store, Clock.fixed(later, ZoneOffset.UTC)), vertx).prepare();

        assertThat(store.list(Optional.empty())).singleElement()
                .satisfies(webhook -> assertThat(webhook.receivesEveryEvent(later.minus(Duration.ofDays(7)))).isTrue());
    }

    @Test
    void theKnativeSinkGetsABinaryCloudEventWithTheOverridesAndIsSubscribedOnce() throws Exception {
        KnativeSink sink = sink(receiver.url("/sink"), "{\"extensions\": {\"cluster\": \"eu-1\"}}");
        HttpCourier courier = new HttpCourier(config(false), sink, vertx);

        courier.prepare();
        courier.prepare();
        List<Webhook> subscribed = store.list(Optional.empty());
        assertThat(subscribed).singleElement().satisfies(webhook -> {
            assertThat(webhook.url()).isEqualTo(new WebhookUrl(receiver.url("/sink")));
            assertThat(webhook.everyEvent()).isTrue();
            assertThat(webhook.types()).containsExactlyInAnyOrder(NotificationType.values());
        });
        assertThat(sink(receiver.url("/sink"), null).is(subscribed.get(0)))
                .as("every instance finds the same sink webhook").isTrue();

        assertThat(courier.deliver(job(subscribed.get(0)), NOW).toCompletableFuture().get())
                .as("the sink is inside the cluster: the private-target rule does not apply").isEqualTo(204);
        WebhookReceiver.Received sent = receiver.received(r -> true).get(0);
        assertThat(sent.header("ce-specversion")).isEqualTo("1.0");
        assertThat(sent.header("ce-id")).isEqualTo(BOOKED.id().toString());
        assertThat(sent.header("ce-type")).isEqualTo("org.boxoffice.booking.confirmed");
        assertThat(sent.header("ce-source")).isEqualTo(BOOKED.source());
        assertThat(sent.header("ce-subject")).isEqualTo("bookings/" + BOOKING);
        assertThat(sent.header("ce-cluster")).isEqualTo("eu-1");
        assertThat(sent.header("content-type")).isEqualTo("application/json");
        assertThat(sent.body()).isEqualTo(BOOKED.data());
    }

    @Test
    void aNameThatAnswersLoopbackWhenTheClientConnectsCannotLeadTheCourierThere() throws Exception {
        // 127.0.0.2 stands for a public address (the rule given allows every address but 127.0.0.1), so that
        // no packet leaves the machine; the port is one the rule allows.
        InetAddress checked = InetAddress.getByName("127.0.0.2");
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        AtomicInteger asked = new AtomicInteger();
        WebhookTarget.Resolver rebinding = host -> new InetAddress[] {asked.getAndIncrement() == 0 ? checked : loopback};
        HttpCourier courier = new HttpCourier(config(false), sink(null, null), vertx, rebinding,
                address -> !address.equals(loopback), new HttpClientOptions());
        Webhook webhook = Webhook.subscribe(WebhookId.random(), "olga", false, "http://rebind.test:8443/hook",
                List.of("booking.confirmed"), true, NOW.minusSeconds(1));

        try (WebhookReceiver inside = listening(loopback); WebhookReceiver outside = listening(checked)) {
            assertThat(courier.deliver(job(webhook), NOW).toCompletableFuture().get()).isEqualTo(204);

            assertThat(inside.received(r -> true)).as("nothing reached 127.0.0.1").isEmpty();
            assertThat(outside.received(r -> true)).singleElement()
                    .satisfies(sent -> assertThat(sent.header("host")).isEqualTo("rebind.test:8443"));
            assertThat(asked).as("resolved once").hasValue(1);
        }
    }

    @Test
    void aTargetThatAnswersAnyForbiddenAddressAmongOthersIsNotSentTo() throws Exception {
        InetAddress allowed = InetAddress.getByName("127.0.0.2");
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        AtomicInteger asked = new AtomicInteger();
        WebhookTarget.Resolver mixed = host -> {
            asked.incrementAndGet();
            return new InetAddress[] {allowed, loopback};
        };
        HttpCourier courier = new HttpCourier(config(false), sink(null, null), vertx, mixed,
                address -> !address.equals(loopback), new HttpClientOptions());
        Webhook webhook = Webhook.subscribe(WebhookId.random(), "olga", false, "http://mixed.test:8443/hook",
                List.of("booking.confirmed"), true, NOW);

        try (WebhookReceiver inside = listening(loopback); WebhookReceiver outside = listening(allowed)) {
            assertThat(courier.deliver(job(webhook), NOW).toCompletableFuture().get()).isNull();

            assertThat(asked).hasValue(1);
            assertThat(inside.received(r -> true)).isEmpty();
            assertThat(outside.received(r -> true)).isEmpty();
        }
    }

    @Test
    void overTlsTheCertificateMustNameTheUrlsHostThoughTheConnectionGoesToTheResolvedAddress(@TempDir Path dir)
            throws Exception {
        Path keys = certificateFor("receiver.test", dir);
        HttpCourier courier = new HttpCourier(config(true), sink(null, null), vertx, LOCAL, WebhookTarget::isPublic,
                trusting(dir));

        try (WebhookReceiver secure = new WebhookReceiver(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), tls(keys))) {
            Webhook named = Webhook.subscribe(WebhookId.random(), "olga", false,
                    "https://receiver.test:" + secure.port() + "/hook", List.of("booking.confirmed"), false, NOW);
            Webhook other = Webhook.subscribe(WebhookId.random(), "olga", false,
                    "https://other.test:" + secure.port() + "/hook", List.of("booking.confirmed"), false, NOW);

            assertThat(courier.deliver(job(named), NOW).toCompletableFuture().get()).isEqualTo(204);
            assertThat(secure.received(r -> true)).singleElement().satisfies(sent -> {
                assertThat(sent.serverName()).as("SNI").isEqualTo("receiver.test");
                assertThat(sent.header("host")).isEqualTo("receiver.test:" + secure.port());
                assertThat(sent.signedWith(named.currentSecret())).isTrue();
            });

            assertThat(courier.deliver(job(other), NOW).toCompletableFuture().get())
                    .as("the certificate does not name other.test").isNull();
            assertThat(secure.received(r -> true)).hasSize(1);
        }
    }

    @Test
    void throughAProxyTheTunnelIsAskedForTheCheckedAddress(@TempDir Path dir) throws Exception {
        Path keys = certificateFor("receiver.test", dir);
        try (WebhookReceiver secure = new WebhookReceiver(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), tls(keys)); Tunnel proxy = new Tunnel()) {
            BoxOfficeConfig config = config(true);
            when(config.webhooks().proxy()).thenReturn(Optional.of(URI.create("http://127.0.0.1:" + proxy.port())));
            HttpCourier courier = new HttpCourier(config, sink(null, null), vertx, LOCAL, WebhookTarget::isPublic,
                    trusting(dir));
            Webhook webhook = Webhook.subscribe(WebhookId.random(), "olga", false,
                    "https://receiver.test:" + secure.port() + "/hook", List.of("booking.confirmed"), false, NOW);

            assertThat(courier.deliver(job(webhook), NOW).toCompletableFuture().get()).isEqualTo(204);

            assertThat(proxy.asked).containsExactly("127.0.0.1:" + secure.port());
            assertThat(secure.received(r -> true)).singleElement()
                    .satisfies(sent -> assertThat(sent.serverName()).isEqualTo("receiver.test"));
        }
    }

    @Test
    void anAnswerIsReadOnlySoFar() throws Exception {
        HttpCourier courier = new HttpCourier(config(true), sink(null, null), vertx);
        try (ServerSocket flooding = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AtomicInteger written = new AtomicInteger();
            Thread answering = new Thread(() -> {
                try (var socket = flooding.accept(); var out = socket.getOutputStream()) {
                    socket.getInputStream().read(new byte[8192]);
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 100000000\r\n\r\n".getBytes());
                    byte[] chunk = new byte[8192];
                    while (written.addAndGet(chunk.length) < 100_000_000) {
                        out.write(chunk);
                    }
                } catch (IOException hungUp) {
                    // the courier stopped reading
                }
            });
            answering.setDaemon(true);
            answering.start();
            Webhook webhook = Webhook.subscribe(WebhookId.random(), "olga", false,
                    "http://127.0.0.1:" + flooding.getLocalPort() + "/hook", List.of("booking.confirmed"), true, NOW);

            assertThat(courier.deliver(job(webhook), NOW).toCompletableFuture().get(5, TimeUnit.SECONDS))
                    .isEqualTo(200);
            answering.join(5000);
            assertThat(written.get()).as("the connection was closed long before the body's end")
                    .isLessThan(10_000_000);
        }
    }

    /** A receiver on port 8443 of this address; the test is skipped where something else holds it. */
    private static WebhookReceiver listening(InetAddress address) {
        try {
            return new WebhookReceiver(new InetSocketAddress(address, 8443), null);
        } catch (UncheckedIOException taken) {
            Assumptions.abort("port 8443 of " + address.getHostAddress() + " is taken: " + taken.getMessage());
            throw taken;
        }
    }

    /** A key and a certificate naming {@code host} in {@code dir}, the certificate also as receiver.pem. */
    private static Path certificateFor(String host, Path dir) throws Exception {
        Path keys = dir.resolve("receiver.p12");
        keytool("-genkeypair", "-keystore", keys.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-alias", "receiver", "-keyalg", "EC", "-dname", "CN=" + host, "-ext", "SAN=dns:" + host,
                "-validity", "2");
        keytool("-exportcert", "-rfc", "-keystore", keys.toString(), "-storepass", "changeit", "-alias", "receiver",
                "-file", dir.resolve("receiver.pem").toString());
        return keys;
    }

    /** Client options that trust the certificate {@link #certificateFor} made in {@code dir}. */
    private static HttpClientOptions trusting(Path dir) {
        return new HttpClientOptions().setTrustOptions(
                new PemTrustOptions().addCertPath(dir.resolve("receiver.pem").toString()));
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static SSLContext tls(Path keys) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keys.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    /**
     * An HTTP proxy that only tunnels ({@code CONNECT}), and only to loopback: it keeps the target each
     * tunnel was asked for.
     */
    private static final class Tunnel implements AutoCloseable {
        final List<String> asked = new CopyOnWriteArrayList<>();
        private final ServerSocket server;

        Tunnel() throws IOException {
            server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            Thread accepting = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        Thread serving = new Thread(() -> serve(client));
                        serving.setDaemon(true);
                        serving.start();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            accepting.setDaemon(true);
            accepting.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve(Socket client) {
            try (client) {
                InputStream in = client.getInputStream();
                OutputStream out = client.getOutputStream();
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                    int next = in.read();
                    if (next < 0) {
                        return;
                    }
                    head.append((char) next);
                }
                String[] requestLine = head.toString().split("\r\n", 2)[0].split(" ");
                asked.add(requestLine[1]);
                String[] target = requestLine[1].split(":");
                if (!requestLine[0].equals("CONNECT") || !target[0].equals("127.0.0.1")) {
                    out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(target[1]))) {
                    out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread back = new Thread(() -> {
                        try {
                            upstream.getInputStream().transferTo(out);
                        } catch (IOException closed) {
                            // either side hung up
                        }
                    });
                    back.setDaemon(true);
                    back.start();
                    in.transferTo(upstream.getOutputStream());
                }
            } catch (IOException closed) {
                // either side hung up
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
