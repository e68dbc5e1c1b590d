package org.boxoffice.domain.webhooks;

import org.boxoffice.domain.Notification;
import org.boxoffice.domain.QuotaExceededException;
import org.boxoffice.domain.TicketStore;
import org.boxoffice.domain.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where webhook subscriptions and their deliveries are kept, beside the outbox of notifications the
 * {@link TicketStore} writes with each change. Every notification is handed out to the webhooks that
 * receive it once; every delivery is tried until the receiver takes it or the schedule runs out. Shared
 * by any number of instances: a due delivery is leased to one of them at a time, so no two send the same
 * attempt at once (and one that dies mid-attempt leaves it to the next, once the lease runs out).
 */
public interface WebhookStore {

    /** A delivery leased for an attempt, with what it needs: the webhook and the notification. */
    record Job(Delivery delivery, Webhook webhook, Notification notification) {
    }

    /** How many deliveries are waiting for an attempt, and how many failed for good. */
    record Counts(long pending, long failed) {
    }

    /**
     * Keeps the webhook if its owner then has fewer than {@code maxPerOwner} webhooks; two requests of one
     * owner cannot both pass that count.
     *
     * @param maxPerOwner the bound, or {@link Integer#MAX_VALUE} for none
     * @throws QuotaExceededException if the owner has that many already; then nothing changes
     */
    void add(Webhook webhook, int maxPerOwner);

    /** Keeps the webhook, with no bound on its owner's webhooks. */
    default void add(Webhook webhook) {
        add(webhook, Integer.MAX_VALUE);
    }

    /** Refuses one more webhook to an owner who has {@code already}, if that passes {@code limit}. */
    static void checkQuota(int limit, long already) {
        QuotaExceededException.check("webhooks per owner", "boxoffice.max-webhooks-per-owner", limit, already, 1);
    }

    Optional<Webhook> find(WebhookId id);

    /** Webhooks by creation time: one owner's, or everyone's when empty. */
    List<Webhook> list(Optional<String> owner);

    /**
     * Replaces a webhook's secrets and disables it if it is disabled; false if there is no such webhook. A
     * webhook disabled meanwhile stays disabled; when its owner was seen is {@link #ownerSeen}'s to keep
     * ({@link Webhook#withChangesOf}).
     */
    boolean update(Webhook webhook);

    /**
     * Keeps that {@code owner} showed the admin role at {@code now}, or a token without it ({@link
     * Webhook#ownerSeen}), on each of their all-events webhooks.
     */
    void ownerSeen(String owner, boolean admin, Instant now);

    /** Deletes it and its deliveries; false if there was none. */
    boolean delete(WebhookId id);

    /**
     * Hands out up to {@code limit} notifications not handed out yet, oldest first: a pending delivery, due
     * now, to each webhook that {@link Webhook#receives} it, all-events webhooks by their owner's admin role
     * seen at or after {@code adminSince}.
     *
     * @return how many notifications were handed out
     */
    int fanOut(Instant now, Instant adminSince, int limit);

    /** Leases up to {@code limit} due deliveries until {@code now + lease}, oldest due first. */
    List<Job> claimDue(Instant now, Duration lease, int limit);

    /**
     * Keeps an attempt's outcome; one that {@link Delivery#disablesWebhook disables} its webhook disables it,
     * and its pending deliveries fail ({@link Webhook#afterAttempt}, {@link Webhook#settle}).
     */
    void record(Delivery attempted, Instant now);

    /** The webhook's latest deliveries, newest first. */
    List<Delivery> deliveries(WebhookId id, int limit);

    Counts counts();

    /**
     * Forgets the notifications made before {@code before} that were handed out and that no delivery waits
     * for any more, with their deliveries (delivered or failed): the outbox does not grow for ever.
     *
     * @return how many notifications were forgotten
     */
    int purge(Instant before);
}
