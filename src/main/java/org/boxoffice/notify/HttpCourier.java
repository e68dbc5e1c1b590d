package org.boxoffice.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.boxoffice.domain.webhooks.Courier;
import org.boxoffice.domain.Notification;
import org.boxoffice.domain.webhooks.Webhook;
import org.boxoffice.domain.webhooks.WebhookStore;
import org.boxoffice.domain.webhooks.WebhookUrl;
import org.boxoffice.service.BoxOfficeConfig;
import org.jboss.logging.Logger;

/**
 * Delivers over HTTP: a POST of the notification as a CloudEvent in structured JSON mode, signed by the
 * Standard Webhooks scheme ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}); to
 * the Knative sink, in binary mode instead. Any 2xx answer is taken as delivered. Redirects are not
 * followed (they could lead past the target rule). Each attempt resolves the target once, checks every
 * address it resolved to, and connects to a checked one: the client never resolves the name itself, so a
 * name that answers differently the second time (DNS rebinding) cannot lead it elsewhere. The URL's host
 * still names the receiver in {@code Host}, TLS SNI and the certificate's host-name check. Through
 * {@code boxoffice.webhooks.proxy} when set, whose tunnel is asked for the checked address. An attempt ends
 * within {@code boxoffice.webhooks.timeout}, body included.
 */
@ApplicationScoped
public class HttpCourier implements Courier {

    private static final Logger LOG = Logger.getLogger(HttpCourier.class);
    /** How much of an answer's body is read: the status is what counts, the rest is not waited for. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;

    /** A request's headers and body. */
    record Outgoing(Map<String, String> headers, byte[] body) {
    }

    private final HttpClient client;
    private final Duration timeout;
    private final boolean allowPrivateTargets;
    private final Optional<ProxyOptions> proxy;
    private final KnativeSink sink;
    private final WebhookTarget.Resolver resolver;
    private final Predicate<InetAddress> allowed;

    @Inject
    public HttpCourier(BoxOfficeConfig config, KnativeSink sink, Vertx vertx) {
        this(config, sink, vertx, WebhookTarget.Resolver.SYSTEM, WebhookTarget::isPublic, new HttpClientOptions());
    }

    /**
     * With the resolver, the rule for addresses and the client's options (its trust, say) given, for tests.
     */
    HttpCourier(BoxOfficeConfig config, KnativeSink sink, Vertx vertx, WebhookTarget.Resolver resolver,
            Predicate<InetAddress> allowed, HttpClientOptions options) {
        this.timeout = config.webhooks().timeout();
        this.allowPrivateTargets = config.webhooks().allowPrivateTargets();
        this.proxy = config.webhooks().proxy().map(url -> new ProxyOptions().setType(ProxyType.HTTP)
                .setHost(url.getHost()).setPort(url.getPort() == -1 ? 80 : url.getPort()));
        this.sink = sink;
        this.resolver = resolver;
        this.allowed = allowed;
        // HTTP/1.1, which every receiver speaks, with no upgrade to HTTP/2 asked; the certificate must name
        // the URL's host (verifyHost is Vert.x's default, kept explicit since pinning depends on it).
        this.client = vertx.createHttpClient(new HttpClientOptions(options)
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setUseAlpn(false)
                .setVerifyHost(true)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis())));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Override
    public void prepare() {
        sink.subscribe();
    }

    @Override
    public Optional<String> refusal(WebhookUrl url) {
        return WebhookTarget.refusal(url, allowPrivateTargets, resolver, allowed);
    }

    @Override
    public CompletionStage<Integer> deliver(WebhookStore.Job job, Instant now) {
        Webhook webhook = job.webhook();
        boolean toSink = sink.is(webhook);
        // The sink is an operator's address inside the cluster: resolved the same way, but not checked.
        WebhookTarget.Resolved target = WebhookTarget.resolve(webhook.url(), allowPrivateTargets || toSink,
                resolver, allowed);
        if (target.refusal().isPresent()) {
            LOG.warnf("Webhook %s not sent: its URL %s", webhook.id(), target.refusal().get());
            return CompletableFuture.completedFuture(null);
        }
        if (!toSink && webhook.signingSecrets(now).isEmpty()) {
            LOG.warnf("Webhook %s not sent: it has no secret to sign with", webhook.id());
            return CompletableFuture.completedFuture(null);
        }
        Outgoing outgoing = toSink ? sink.request(job.notification()) : signed(webhook, job.notification(), now);
        return send(webhook, target.addresses().get(0), outgoing, toSink ? Optional.empty() : proxy);
    }

    private CompletableFuture<Integer> send(Webhook webhook, InetAddress address, Outgoing outgoing,
            Optional<ProxyOptions> through) {
        // resolve() has read it already: a URL that reaches here parses.
        URI url = WebhookTarget.uri(webhook.url()).orElseThrow();
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : tls ? 443 : 80;
        String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1)
                : url.getHost();
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                // The address as a literal, not the resolved InetAddress (which carries the name and would be
                // resolved again); the host stays the URL's, for Host, SNI and the certificate check.
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setHost(host)
                .setPort(port)
                .setSsl(tls)
                .setURI(url.getRawQuery() == null ? path : path + "?" + url.getRawQuery())
                .setFollowRedirects(false)
                .setConnectTimeout(timeout.toMillis());
        through.ifPresent(request::setProxyOptions);
        outgoing.headers().forEach(request::putHeader);

        // The whole attempt (connect, headers, body) has the deadline, and the exchange is reset (its
        // connection closed) when it passes: a receiver that drips its body cannot hold the attempt.
        CompletableFuture<Integer> attempt = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> exchange = new AtomicReference<>();
        client.request(request).compose(sending -> {
            exchange.set(sending);
            if (attempt.isDone()) {
                sending.reset();
                return Future.failedFuture("the attempt's deadline passed");
            }
            return sending.send(Buffer.buffer(outgoing.body()));
        }).onComplete(answered -> {
            if (answered.failed()) {
                LOG.debugf("Webhook %s: no answer from %s: %s", webhook.id(), url, answered.cause().toString());
                attempt.complete(null);
                return;
            }
            HttpClientResponse response = answered.result();
            long[] read = {0};
            response.handler(chunk -> {
                read[0] += chunk.length();
                if (read[0] > MAX_ANSWER_BYTES && attempt.complete(response.statusCode())) {
                    response.request().reset();
                }
            });
            response.exceptionHandler(e -> attempt.complete(null));
            response.endHandler(end -> attempt.complete(response.statusCode()));
        });
        attempt.completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS);
        attempt.whenComplete((status, failure) -> {
            HttpClientRequest sent = exchange.get();
            if (status == null && sent != null) {
                sent.reset();
            }
        });
        return attempt;
    }

    private static Outgoing signed(Webhook webhook, Notification notification, Instant now) {
        byte[] body = CloudEvents.structured(CloudEvents.of(notification, Map.of()));
        String id = notification.id().toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", CloudEvents.STRUCTURED_CONTENT_TYPE);
        headers.put("user-agent", "BoxOffice-Webhooks/1");
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", Long.toString(now.getEpochSecond()));
        headers.put("webhook-signature", Signatures.header(webhook.signingSecrets(now), id, now, body));
        return new Outgoing(headers, body);
    }
}
