package org.boxoffice.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.boxoffice.domain.webhooks.Courier;
import org.boxoffice.domain.webhooks.Delivery;
import org.boxoffice.domain.InvalidRequestException;
import org.boxoffice.domain.UnknownIdException;
import org.boxoffice.domain.webhooks.Webhook;
import org.boxoffice.domain.WebhookId;
import org.boxoffice.domain.webhooks.WebhookStore;
import org.boxoffice.security.Caller;
import org.boxoffice.security.Role;

/**
 * Use cases of webhook subscriptions, for organizers and admins: an organizer's webhooks receive the
 * notifications of their own events, an admin's receive every event's. Each sees and manages only their
 * own webhooks (an admin, all); another's answers as if it did not exist.
 *
 * <p>Roles come only with tokens: the service keeps no directory of users to ask whether an admin is one
 * still. So each call here keeps what the caller's token shows ({@link WebhookStore#ownerSeen}): with the
 * admin role, their all-events webhooks keep receiving every organizer's notifications for
 * {@code boxoffice.webhooks.all-events-for}; without it, from then on only their own events'.
 */
@ApplicationScoped
public class WebhookService {

    /** How many deliveries {@link #deliveries} shows. */
    public static final int RECENT_DELIVERIES = 100;

    private final WebhookStore store;
    private final Clock clock;
    private final BoxOfficeConfig config;
    private final Courier courier;

    public WebhookService(WebhookStore store, Clock clock, BoxOfficeConfig config, Courier courier) {
        this.store = store;
        this.courier = courier;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Subscribes {@code url} to the notification types {@code events}, or throws
     * {@link InvalidRequestException} naming every broken rule, and changes nothing.
     */
    public Webhook subscribe(Caller caller, String url, List<String> events) {
        seen(caller);
        boolean allowPrivate = config.webhooks().allowPrivateTargets();
        Webhook webhook = Webhook.subscribe(WebhookId.random(), caller.id(), caller.has(Role.ADMIN), url, events,
                allowPrivate, clock.instant());
        Optional<String> refusal = courier.refusal(webhook.url());
        if (refusal.isPresent()) {
            throw new InvalidRequestException("url", refusal.get());
        }
        store.add(webhook, config.perCaller(config.maxWebhooksPerOwner()));
        return webhook;
    }

    /** The caller's webhooks (an admin's: everyone's), oldest first. */
    public List<Webhook> list(Caller caller) {
        seen(caller);
        return store.list(caller.has(Role.ADMIN) ? Optional.empty() : Optional.of(caller.id()));
    }

    /** @throws UnknownIdException when there is none the caller may see */
    public Webhook find(Caller caller, WebhookId id) {
        seen(caller);
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

    /**
     * A new secret; the one signing now keeps signing beside it for {@link Webhook#ROTATION_OVERLAP}, or,
     * with {@code expireOld}, stops at once.
     */
    public Webhook rotateSecret(Caller caller, WebhookId id, boolean expireOld) {
        Webhook rotated = find(caller, id).rotated(Webhook.newSecret(), clock.instant(), expireOld);
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

    /**
     * Keeps whether the caller's token shows the admin role, then checks they may use webhooks: an admin
     * demoted to a customer is refused, and their all-events webhooks end all the same.
     */
    private void seen(Caller caller) {
        store.ownerSeen(caller.id(), caller.has(Role.ADMIN), clock.instant());
        caller.requireAny(Role.ORGANIZER, Role.ADMIN);
    }

    private static UnknownIdException unknown(Object id) {
        return new UnknownIdException("webhook", String.valueOf(id));
    }
}
