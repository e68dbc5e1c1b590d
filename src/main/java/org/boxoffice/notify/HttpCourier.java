package org.boxoffice.notify;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.boxoffice.domain.Courier;
import org.boxoffice.domain.Notification;
import org.boxoffice.domain.Webhook;
import org.boxoffice.domain.WebhookStore;
import org.boxoffice.domain.WebhookTarget;
import org.boxoffice.service.BoxOfficeConfig;
import org.jboss.logging.Logger;

/**
 * Delivers over HTTP: a POST of the notification as a CloudEvent in structured JSON mode, signed by the
 * Standard Webhooks scheme ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}); to
 * the Knative sink, in binary mode instead. Any 2xx answer is taken as delivered. Redirects are not
 * followed (they could lead past the target rule), and the target is resolved and checked again before
 * each attempt. An attempt ends within {@code boxoffice.webhooks.timeout}, body included.
 */
@ApplicationScoped
public class HttpCourier implements Courier {

    private static final Logger LOG = Logger.getLogger(HttpCourier.class);

    private final HttpClient client;
    private final Duration timeout;
    private final boolean allowPrivateTargets;
    private final KnativeSink sink;

    public HttpCourier(BoxOfficeConfig config, KnativeSink sink) {
        this.timeout = config.webhooks().timeout();
        this.allowPrivateTargets = config.webhooks().allowPrivateTargets();
        this.sink = sink;
        // HTTP/1.1, which every receiver speaks: on plain http the client would otherwise ask each one to
        // upgrade to HTTP/2 (h2c), which some servers mishandle.
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public void prepare() {
        sink.subscribe();
    }

    @Override
    public CompletionStage<Integer> deliver(WebhookStore.Job job, Instant now) {
        Webhook webhook = job.webhook();
        HttpRequest request;
        if (sink.is(webhook)) {
            request = sink.request(webhook.url(), job.notification(), timeout);
        } else {
            Optional<String> refusal = WebhookTarget.refusal(webhook.url(), allowPrivateTargets);
            if (refusal.isPresent()) {
                LOG.warnf("Webhook %s not sent: its URL %s", webhook.id(), refusal.get());
                return CompletableFuture.completedFuture(null);
            }
            request = signed(webhook, job.notification(), now);
        }
        // The request's own timeout stops counting once the headers arrive; a receiver that then drips its
        // body would hold the attempt for ever. The whole attempt (connect, headers, body) has the deadline,
        // and the exchange is cancelled (its connection closed) when it passes.
        CompletableFuture<HttpResponse<Void>> exchange = client.sendAsync(request,
                HttpResponse.BodyHandlers.discarding());
        CompletableFuture<Integer> attempt = exchange.thenApply(HttpResponse::statusCode)
                .exceptionally(e -> {
                    LOG.debugf("Webhook %s: no answer from %s: %s", webhook.id(), webhook.url(), e.toString());
                    return null;
                })
                .completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS);
        attempt.whenComplete((status, failure) -> exchange.cancel(true));
        return attempt;
    }

    private HttpRequest signed(Webhook webhook, Notification notification, Instant now) {
        byte[] body = CloudEvents.structured(CloudEvents.of(notification, Map.of()));
        String id = notification.id().toString();
        return HttpRequest.newBuilder(webhook.url())
                .timeout(timeout)
                .header("content-type", CloudEvents.STRUCTURED_CONTENT_TYPE)
                .header("user-agent", "BoxOffice-Webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(now.getEpochSecond()))
                .header("webhook-signature", Signatures.header(webhook.signingSecrets(now), id, now, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }
}
