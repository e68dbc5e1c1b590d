package org.boxoffice.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.boxoffice.domain.Delivery;
import org.boxoffice.domain.InvalidRequestException;
import org.boxoffice.domain.UnknownIdException;
import org.boxoffice.domain.Webhook;
import org.boxoffice.domain.WebhookId;
import org.boxoffice.domain.WebhookStore;
import org.boxoffice.domain.WebhookTarget;
import org.boxoffice.security.Caller;
import org.boxoffice.security.Role;

/**
 * Use cases of webhook subscriptions, for organizers and admins: an organizer's webhooks receive the
 * notifications of their own events, an admin's receive every event's. Each sees and manages only their
 * own webhooks (an admin, all); another's answers as if it did not exist.
 */
@ApplicationScoped
public class WebhookService {

    /** How many deliveries {@link #deliveries} shows. */
    public static final int RECENT_DELIVERIES = 100;

    private final WebhookStore store;
    private final Clock clock;
    private final BoxOfficeConfig config;

    public WebhookService(WebhookStore store, Clock clock, BoxOfficeConfig config) {
        this.store = store;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Subscribes {@code url} to the notification types {@code events}, or throws
     * {@link InvalidRequestException} naming every broken rule, and changes nothing.
     */
    public Webhook subscribe(Caller caller, String url, List<String> events) {
        caller.requireAny(Role.ORGANIZER, Role.ADMIN);
        boolean allowPrivate = config.webhooks().allowPrivateTargets();
        Webhook webhook = Webhook.subscribe(WebhookId.random(), caller.id(), caller.has(Role.ADMIN), url, events,
                allowPrivate, clock.instant());
        Optional<String> refusal = WebhookTarget.refusal(webhook.url(), allowPrivate);
        if (refusal.isPresent()) {
            throw new InvalidRequestException("url", refusal.get());
        }
        store.add(webhook, config.perCaller(config.maxWebhooksPerOwner()));
        return webhook;
    }

    /** The caller's webhooks (an admin's: everyone's), oldest first. */
    public List<Webhook> list(Caller caller) {
        caller.requireAny(Role.ORGANIZER, Role.ADMIN);
        return store.list(caller.has(Role.ADMIN) ? Optional.empty() : Optional.of(caller.id()));
    }

    /** @throws UnknownIdException when there is none the caller may see */
    public Webhook find(Caller caller, WebhookId id) {
        caller.requireAny(Role.ORGANIZER, Role.ADMIN);
        return store.find(id).filter(webhook -> caller.maySee(webhook.owner()))
                .orElseThrow(() -> unknown(id));
    }

    /** Unsubscribes; its pending deliveries are dropped. */
    public void delete(Caller caller, WebhookId id) {
        find(caller, id);
        if (!store.delete(id)) {
            throw unknown(id);
        }
    }

    /** A new secret; the one signing now keeps signing beside it for {@link Webhook#ROTATION_OVERLAP}. */
    public Webhook rotateSecret(Caller caller, WebhookId id) {
        Webhook rotated = find(caller, id).rotated(Webhook.newSecret(), clock.instant());
        if (!store.update(rotated)) {
            throw unknown(id);
        }
        return rotated;
    }

    /** The webhook's latest {@link #RECENT_DELIVERIES} deliveries, newest first. */
    public List<Delivery> deliveries(Caller caller, WebhookId id) {
        find(caller, id);
        return store.deliveries(id, RECENT_DELIVERIES);
    }

    private static UnknownIdException unknown(Object id) {
        return new UnknownIdException("webhook", String.valueOf(id));
    }
}
