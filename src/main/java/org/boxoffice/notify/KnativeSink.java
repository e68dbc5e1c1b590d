package org.boxoffice.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.http.HttpMessageFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.boxoffice.domain.Notification;
import org.boxoffice.domain.NotificationType;
import org.boxoffice.domain.webhooks.Webhook;
import org.boxoffice.domain.WebhookId;
import org.boxoffice.domain.webhooks.WebhookStore;
import org.boxoffice.domain.webhooks.WebhookUrl;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Knative's sink: when a SinkBinding sets {@code K_SINK}, every notification also goes there, as a
 * binary-mode CloudEvent ({@code ce-*} headers, the data as the body), with the extensions
 * {@code K_CE_OVERRIDES} names. The sink is kept as a webhook of its own, subscribed to every type of
 * every event, so its deliveries are as durable and retried as any; its id follows from the sink's URL,
 * so every instance finds the same one. It is an operator's address inside the cluster, so the rule
 * against private targets does not apply to it; and the operator's setting stands for an admin, so each
 * run vouches for its all-events subscription ({@link WebhookStore#ownerSeen}).
 */
@ApplicationScoped
public class KnativeSink {

    private static final Logger LOG = Logger.getLogger(KnativeSink.class);
    static final String OWNER = "knative-sink";
    private static final Duration VOUCH_EVERY = Duration.ofMinutes(1);

    private final Optional<URI> sink;
    private final Optional<WebhookId> id;
    private final Map<String, String> extensions;
    private final WebhookStore store;
    private final Clock clock;
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final AtomicReference<Instant> vouchedAt = new AtomicReference<>(Instant.MIN);

    public KnativeSink(@ConfigProperty(name = "K_SINK") Optional<String> sink,
            @ConfigProperty(name = "K_CE_OVERRIDES") Optional<String> overrides, ObjectMapper json,
            WebhookStore store, Clock clock) {
        this.sink = sink.filter(url -> !url.isBlank()).map(URI::create);
        this.id = this.sink.map(url -> new WebhookId(
                UUID.nameUUIDFromBytes(("K_SINK " + url).getBytes(StandardCharsets.UTF_8))));
        this.extensions = overrides.filter(text -> !text.isBlank()).map(text -> extensions(json, text)).orElse(Map.of());
        this.store = store;
        this.clock = clock;
    }

    private static Map<String, String> extensions(ObjectMapper json, String overrides) {
        try {
            Map<String, Map<String, String>> parsed = json.readValue(overrides,
                    new TypeReference<Map<String, Map<String, String>>>() {
                    });
            return Map.copyOf(parsed.getOrDefault("extensions", Map.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("K_CE_OVERRIDES is not {\"extensions\": {\"name\": \"value\"}}: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Whether the webhook is this sink's. */
    boolean is(Webhook webhook) {
        return id.map(webhook.id()::equals).orElse(false);
    }

    /**
     * Subscribes the sink, once per instance, when there is one; a subscription made already stays. Vouches
     * for it, at most once a minute.
     */
    void subscribe() {
        if (sink.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Instant last = vouchedAt.get();
        if (now.isAfter(last.plus(VOUCH_EVERY)) && vouchedAt.compareAndSet(last, now)) {
            store.ownerSeen(OWNER, true, now);
        }
        if (subscribed.get()) {
            return;
        }
        if (store.find(id.get()).isEmpty()) {
            try {
                store.add(new Webhook(id.get(), OWNER, true, new WebhookUrl(sink.get().toString()), EnumSet.allOf(NotificationType.class),
                        List.of(new Webhook.Secret(Webhook.newSecret(), now, null)), now, null, now));
                LOG.infof("Every notification also goes to the Knative sink %s", sink.get());
            } catch (RuntimeException e) {
                if (store.find(id.get()).isEmpty()) {
                    throw e;
                }
                // another instance subscribed it first
            }
        }
        subscribed.set(true);
    }

    /** The notification as a binary-mode CloudEvent request to the sink. */
    HttpCourier.Outgoing request(Notification notification) {
        Map<String, String> headers = new LinkedHashMap<>();
        byte[][] body = {new byte[0]};
        HttpMessageFactory.createWriter(headers::put, bytes -> body[0] = bytes)
                .writeBinary(CloudEvents.of(notification, extensions));
        return new HttpCourier.Outgoing(headers, body[0]);
    }
}
