package org.boxoffice.store.memory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.boxoffice.domain.webhooks.Delivery;
import org.boxoffice.domain.Notification;
import org.boxoffice.domain.NotificationId;
import org.boxoffice.domain.webhooks.Webhook;
import org.boxoffice.domain.WebhookId;
import org.boxoffice.domain.webhooks.WebhookStore;

/**
 * Webhooks and their deliveries in this process's memory, fed by {@link InMemoryOutbox}; lost on
 * restart, like everything else in memory. One lock for all of it: deliveries are few beside bookings.
 */
@ApplicationScoped
@Typed(InMemoryWebhookStore.class)
public class InMemoryWebhookStore implements WebhookStore {

    private final InMemoryOutbox outbox;
    private final Map<WebhookId, Webhook> webhooks = new LinkedHashMap<>();
    private final Map<Key, Entry> deliveries = new LinkedHashMap<>();

    private record Key(WebhookId webhook, NotificationId notification) {
    }

    /** A delivery with its notification, and until when an attempt has it leased. */
    private static final class Entry {
        private Delivery delivery;
        private final Notification notification;
        private Instant leasedUntil = Instant.MIN;

        Entry(Delivery delivery, Notification notification) {
            this.delivery = delivery;
            this.notification = notification;
        }
    }

    public InMemoryWebhookStore(InMemoryOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public synchronized void add(Webhook webhook, int maxPerOwner) {
        WebhookStore.checkQuota(maxPerOwner, webhooks.values().stream()
                .filter(existing -> existing.owner().equals(webhook.owner())).count());
        if (webhooks.putIfAbsent(webhook.id(), webhook) != null) {
            throw new IllegalStateException("webhook " + webhook.id() + " exists already");
        }
    }

    @Override
    public synchronized Optional<Webhook> find(WebhookId id) {
        return Optional.ofNullable(webhooks.get(id));
    }

    @Override
    public synchronized List<Webhook> list(Optional<String> owner) {
        return webhooks.values().stream().filter(webhook -> owner.map(webhook.owner()::equals).orElse(true)).toList();
    }

    @Override
    public synchronized boolean update(Webhook webhook) {
        Webhook stored = webhooks.get(webhook.id());
        if (stored == null) {
            return false;
        }
        webhooks.put(webhook.id(), stored.withChangesOf(webhook));
        return true;
    }

    @Override
    public synchronized void ownerSeen(String owner, boolean admin, Instant now) {
        webhooks.replaceAll((id, webhook) -> webhook.owner().equals(owner) ? webhook.ownerSeen(admin, now) : webhook);
    }

    @Override
    public synchronized boolean delete(WebhookId id) {
        deliveries.keySet().removeIf(key -> key.webhook().equals(id));
        return webhooks.remove(id) != null;
    }

    @Override
    public synchronized int fanOut(Instant now, Instant adminSince, int limit) {
        List<Notification> taken = outbox.take(limit);
        for (Notification notification : taken) {
            for (Webhook webhook : webhooks.values()) {
                if (webhook.receives(notification, adminSince)) {
                    deliveries.put(new Key(webhook.id(), notification.id()),
                            new Entry(Delivery.of(webhook, notification, now), notification));
                }
            }
        }
        return taken.size();
    }

    @Override
    public synchronized List<Job> claimDue(Instant now, Duration lease, int limit) {
        List<Entry> due = new ArrayList<>();
        for (Entry entry : deliveries.values()) {
            Delivery delivery = entry.delivery;
            Webhook webhook = webhooks.get(delivery.webhookId());
            if (delivery.state() == Delivery.State.PENDING && !delivery.nextAttemptAt().isAfter(now)
                    && !entry.leasedUntil.isAfter(now) && webhook != null && webhook.isActive()) {
                due.add(entry);
            }
        }
        due.sort(Comparator.comparing(entry -> entry.delivery.nextAttemptAt()));
        List<Job> jobs = new ArrayList<>();
        for (Entry entry : due.subList(0, Math.min(limit, due.size()))) {
            entry.leasedUntil = now.plus(lease);
            jobs.add(new Job(entry.delivery, webhooks.get(entry.delivery.webhookId()), entry.notification));
        }
        return jobs;
    }

    @Override
    public synchronized void record(Delivery attempted, Instant now) {
        Entry entry = deliveries.get(new Key(attempted.webhookId(), attempted.notificationId()));
        if (entry == null) {
            return;
        }
        entry.delivery = attempted;
        entry.leasedUntil = Instant.MIN;
        Webhook webhook = webhooks.computeIfPresent(attempted.webhookId(), (id, stored) -> stored.afterAttempt(attempted, now));
        if (webhook != null && attempted.disablesWebhook()) {
            for (Entry other : deliveries.values()) {
                if (other.delivery.webhookId().equals(webhook.id())) {
                    other.delivery = webhook.settle(other.delivery);
                }
            }
        }
    }

    @Override
    public synchronized List<Delivery> deliveries(WebhookId id, int limit) {
        List<Delivery> mine = new ArrayList<>();
        deliveries.forEach((key, entry) -> {
            if (key.webhook().equals(id)) {
                mine.add(entry.delivery);
            }
        });
        mine.sort(Comparator.comparing((Delivery delivery) -> delivery.notificationId().value()).reversed());
        return mine.subList(0, Math.min(limit, mine.size()));
    }

    @Override
    public synchronized int purge(Instant before) {
        Map<NotificationId, Boolean> waiting = new HashMap<>();
        deliveries.values().forEach(entry -> {
            if (entry.notification.time().isBefore(before)) {
                waiting.merge(entry.notification.id(), entry.delivery.state() == Delivery.State.PENDING,
                        Boolean::logicalOr);
            }
        });
        deliveries.values().removeIf(entry -> Boolean.FALSE.equals(waiting.get(entry.notification.id())));
        return (int) waiting.values().stream().filter(pending -> !pending).count();
    }

    @Override
    public synchronized Counts counts() {
        long pending = deliveries.values().stream().filter(e -> e.delivery.state() == Delivery.State.PENDING).count();
        long failed = deliveries.values().stream().filter(e -> e.delivery.state() == Delivery.State.FAILED).count();
        return new Counts(pending, failed);
    }
}
