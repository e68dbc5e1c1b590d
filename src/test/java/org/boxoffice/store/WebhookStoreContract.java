package org.boxoffice.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.testing.Unbounded.NO_BOUND;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.boxoffice.domain.BookingLimits;
import org.boxoffice.domain.webhooks.Delivery;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Notification;
import org.boxoffice.domain.NotificationType;
import org.boxoffice.domain.QuotaExceededException;
import org.boxoffice.domain.webhooks.RetrySchedule;
import org.boxoffice.domain.TicketStore;
import org.boxoffice.domain.webhooks.Webhook;
import org.boxoffice.domain.WebhookId;
import org.boxoffice.domain.webhooks.WebhookStore;
import org.boxoffice.testing.Concurrently;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WebhookStore} must do with the notifications its {@link TicketStore} writes: hand each
 * one out once to exactly the webhooks that receive it, lease each due delivery to one sender at a time,
 * and keep every attempt's outcome. Each store's test says only how to make a fresh pair.
 */
public abstract class WebhookStoreContract {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final Duration LEASE = Duration.ofSeconds(40);
    /** Admins seen since then still receive every event's notifications. */
    private static final Instant SINCE = NOW.minus(Duration.ofDays(7));
    private static final RetrySchedule SCHEDULE = new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5)));
    private static final BookingLimits LIMITS = new BookingLimits(100_000, 50, NO_BOUND, NO_BOUND);

    /** A ticket store and the webhook store fed by its notifications, both holding nothing. */
    public record Stores(TicketStore tickets, WebhookStore webhooks) {
    }

    protected abstract Stores newStores();

    /** The notifications the ticket store made with the event's changes, oldest first, from its outbox. */
    protected abstract List<Notification> notifications(EventId id);

    private TicketStore tickets;
    private WebhookStore webhooks;

    @BeforeEach
    void freshStores() {
        Stores stores = newStores();
        tickets = stores.tickets();
        webhooks = stores.webhooks();
    }

    private Webhook subscribe(String owner, boolean everyEvent, String... types) {
        Webhook webhook = Webhook.subscribe(WebhookId.random(), owner, everyEvent, "https://hooks.example.com/" + owner,
                List.of(types), false, NOW.minusSeconds(60));
        webhooks.add(webhook);
        return webhook;
    }

    protected Event addEvent(String organizer) {
        Event event = Event.schedule(EventId.random(), organizer, new Event.Plan("Hooked", "Hall",
                NOW.plus(Duration.ofDays(30)), 10, null, null, null), LIMITS, NOW);
        tickets.addEvent(event, NO_BOUND);
        return event;
    }

    /** Many webhooks of one owner at once: no more than the quota are kept; deleting one makes room. */
    @Test
    void anOwnerKeepsNoMoreWebhooksThanTheQuotaEvenAtOnce() throws Exception {
        String owner = "olga-" + java.util.UUID.randomUUID();
        Set<WebhookId> kept = ConcurrentHashMap.newKeySet();
        List<Throwable> refused = java.util.Collections.synchronizedList(new ArrayList<>());

        Concurrently.run(8, thread -> {
            Webhook webhook = Webhook.subscribe(WebhookId.random(), owner, false, "https://hooks.example.com/" + thread,
                    List.of("booking.confirmed"), false, NOW);
            try {
                webhooks.add(webhook, 3);
                kept.add(webhook.id());
            } catch (QuotaExceededException e) {
                refused.add(e);
            }
        });

        assertThat(kept).hasSize(3);
        assertThat(refused).hasSize(5);
        assertThat(webhooks.list(Optional.of(owner))).hasSize(3);
        subscribe("someone-else-" + java.util.UUID.randomUUID(), false, "booking.confirmed");
        webhooks.delete(kept.iterator().next());
        webhooks.add(Webhook.subscribe(WebhookId.random(), owner, false, "https://hooks.example.com/again",
                List.of("booking.confirmed"), false, NOW), 3);
        assertThat(webhooks.list(Optional.of(owner))).hasSize(3);
    }

    /** The event's event.created, read before it is handed out (a store may forget it then). */
    private Notification created(Event event) {
        return notifications(event.id()).get(0);
    }

    @Test
    void eachNotificationIsHandedOutOnceToExactlyTheWebhooksThatReceiveIt() {
        Webhook own = subscribe("olga", false, "event.created");
        Webhook otherType = subscribe("olga", false, "booking.confirmed");
        Webhook otherOrganizer = subscribe("oscar", false, "event.created");
        Webhook admin = subscribe("root", true, "event.created", "event.cancelled");
        Webhook disabled = subscribe("olga", false, "event.created");
        webhooks.update(disabled.disabled(NOW));
        Notification created = created(addEvent("olga"));

        assertThat(webhooks.fanOut(NOW, SINCE, 100)).isEqualTo(1);
        assertThat(webhooks.fanOut(NOW, SINCE, 100)).isZero();

        NotificationType type = NotificationType.EVENT_CREATED;
        Delivery pending = new Delivery(own.id(), created.id(), type, 0, null, NOW, Delivery.State.PENDING);
        assertThat(webhooks.deliveries(own.id(), 10)).containsExactly(pending);
        assertThat(webhooks.deliveries(admin.id(), 10)).singleElement()
                .extracting(Delivery::notificationId).isEqualTo(created.id());
        assertThat(webhooks.deliveries(otherType.id(), 10)).isEmpty();
        assertThat(webhooks.deliveries(otherOrganizer.id(), 10)).isEmpty();
        assertThat(webhooks.deliveries(disabled.id(), 10)).isEmpty();
        assertThat(webhooks.counts()).isEqualTo(new WebhookStore.Counts(2, 0));
    }

    @Test
    void aWebhookMadeAfterANotificationDoesNotGetIt() {
        Event event = addEvent("olga");
        Webhook late = Webhook.subscribe(WebhookId.random(), "olga", false, "https://hooks.example.com/late",
                List.of("event.created"), false, NOW.plusSeconds(1));
        webhooks.add(late);

        assertThat(notifications(event.id())).hasSize(1);

        assertThat(webhooks.fanOut(NOW.plusSeconds(2), SINCE, 100)).isEqualTo(1);

        assertThat(webhooks.deliveries(late.id(), 10)).isEmpty();
    }

    @Test
    void aDueDeliveryIsLeasedToOneSenderUntilItsLeaseRunsOut() {
        Webhook webhook = subscribe("olga", false, "event.created");
        Notification created = created(addEvent("olga"));
        webhooks.fanOut(NOW, SINCE, 100);

        List<WebhookStore.Job> first = webhooks.claimDue(NOW, LEASE, 10);

        assertThat(first).singleElement().satisfies(job -> {
            assertThat(job.webhook()).isEqualTo(webhook);
            assertThat(job.notification().id()).isEqualTo(created.id());
            assertThat(job.notification().data()).isEqualTo(created.data());
            assertThat(job.notification().type()).isEqualTo(NotificationType.EVENT_CREATED);
            assertThat(job.delivery().attempts()).isZero();
        });
        assertThat(webhooks.claimDue(NOW, LEASE, 10)).as("leased").isEmpty();
        assertThat(webhooks.claimDue(NOW.plus(LEASE).minusMillis(1), LEASE, 10)).as("still leased").isEmpty();
        assertThat(webhooks.claimDue(NOW.plus(LEASE), LEASE, 10)).as("the lease ran out: its sender died")
                .hasSize(1);
    }

    @Test
    void aDeliveredOneIsDoneAndAFailedAttemptIsTriedAgainByTheSchedule() {
        Webhook webhook = subscribe("olga", false, "event.created");
        addEvent("olga");
        addEvent("olga");
        webhooks.fanOut(NOW, SINCE, 100);
        List<WebhookStore.Job> jobs = webhooks.claimDue(NOW, LEASE, 10);
        assertThat(jobs).hasSize(2);

        webhooks.record(jobs.get(0).delivery().attempted(204, SCHEDULE, NOW), NOW);
        webhooks.record(jobs.get(1).delivery().attempted(500, SCHEDULE, NOW), NOW);

        assertThat(webhooks.counts()).isEqualTo(new WebhookStore.Counts(1, 0));
        assertThat(webhooks.claimDue(NOW.plusSeconds(4), LEASE, 10)).as("not due yet").isEmpty();
        List<WebhookStore.Job> retry = webhooks.claimDue(NOW.plusSeconds(5), LEASE, 10);
        assertThat(retry).singleElement().satisfies(job -> {
            assertThat(job.delivery().notificationId()).isEqualTo(jobs.get(1).delivery().notificationId());
            assertThat(job.delivery().attempts()).isEqualTo(1);
            assertThat(job.delivery().lastStatus()).isEqualTo(500);
        });
        Instant later = NOW.plusSeconds(5);
        webhooks.record(retry.get(0).delivery().attempted(null, SCHEDULE, later), later);
        Instant last = later.plus(Duration.ofMinutes(5));
        WebhookStore.Job third = webhooks.claimDue(last, LEASE, 10).get(0);
        webhooks.record(third.delivery().attempted(503, SCHEDULE, last), last);

        assertThat(webhooks.counts()).as("the schedule ran out").isEqualTo(new WebhookStore.Counts(0, 1));
        assertThat(webhooks.claimDue(last.plus(Duration.ofDays(1)), LEASE, 10)).isEmpty();
        assertThat(webhooks.deliveries(webhook.id(), 10)).extracting(Delivery::state)
                .containsExactlyInAnyOrder(Delivery.State.DELIVERED, Delivery.State.FAILED);
    }

    @Test
    void aReceiverThatSaysGoneHasItsWebhookDisabledAndNothingMoreSent() {
        Webhook webhook = subscribe("olga", false, "event.created");
        Webhook other = subscribe("olga", false, "event.created");
        addEvent("olga");
        addEvent("olga");
        webhooks.fanOut(NOW, SINCE, 100);
        WebhookStore.Job gone = webhooks.claimDue(NOW, LEASE, 10).stream()
                .filter(job -> job.webhook().id().equals(webhook.id())).findFirst().orElseThrow();

        webhooks.record(gone.delivery().attempted(410, SCHEDULE, NOW), NOW);

        assertThat(webhooks.find(webhook.id()).orElseThrow().isActive()).isFalse();
        assertThat(webhooks.find(webhook.id()).orElseThrow().disabledAt()).isEqualTo(NOW);
        assertThat(webhooks.deliveries(webhook.id(), 10)).extracting(Delivery::state)
                .containsOnly(Delivery.State.FAILED);
        assertThat(webhooks.claimDue(NOW.plus(LEASE), LEASE, 10)).extracting(job -> job.webhook().id())
                .containsOnly(other.id()).hasSize(2);
        addEvent("olga");
        webhooks.fanOut(NOW, SINCE, 100);
        assertThat(webhooks.deliveries(webhook.id(), 10)).hasSize(2);
    }

    @Test
    void aWebhookWhoseDeliveryFailsThroughEveryRetryIsDisabled() {
        Webhook webhook = subscribe("olga", false, "event.created");
        addEvent("olga");
        webhooks.fanOut(NOW, SINCE, 100);
        WebhookStore.Job job = webhooks.claimDue(NOW, LEASE, 10).get(0);
        Delivery attempted = job.delivery();
        Instant at = NOW;
        while (attempted.state() == Delivery.State.PENDING) {
            attempted = attempted.attempted(500, SCHEDULE, at);
            at = at.plusSeconds(1);
        }

        webhooks.record(attempted, at);

        assertThat(webhooks.find(webhook.id()).orElseThrow().isActive()).isFalse();
    }

    @Test
    void concurrentSendersNeverLeaseTheSameDelivery() throws Exception {
        subscribe("olga", false, "event.created");
        subscribe("root", true, "event.created");
        for (int i = 0; i < 40; i++) {
            addEvent("olga");
        }
        Set<String> leased = ConcurrentHashMap.newKeySet();
        List<String> twice = java.util.Collections.synchronizedList(new ArrayList<>());

        Concurrently.run(8, thread -> {
            webhooks.fanOut(NOW, SINCE, 7);
            for (int round = 0; round < 20; round++) {
                webhooks.fanOut(NOW, SINCE, 7);
                for (WebhookStore.Job job : webhooks.claimDue(NOW, LEASE, 3)) {
                    String key = job.webhook().id() + "/" + job.notification().id();
                    if (!leased.add(key)) {
                        twice.add(key);
                    }
                }
            }
        });
        while (webhooks.fanOut(NOW, SINCE, 100) > 0) {
            // hand out whatever the threads left
        }
        for (List<WebhookStore.Job> jobs = webhooks.claimDue(NOW, LEASE, 100); !jobs.isEmpty();
                jobs = webhooks.claimDue(NOW, LEASE, 100)) {
            jobs.forEach(job -> assertThat(leased.add(job.webhook().id() + "/" + job.notification().id())).isTrue());
        }

        assertThat(twice).isEmpty();
        assertThat(leased).hasSize(80);
    }

    @Test
    void oldNotificationsNoDeliveryWaitsForAreForgottenWithTheirDeliveries() {
        Webhook webhook = subscribe("olga", false, "event.created");
        addEvent("olga");
        addEvent("olga");
        webhooks.fanOut(NOW, SINCE, 100);
        List<WebhookStore.Job> jobs = webhooks.claimDue(NOW, LEASE, 10);
        webhooks.record(jobs.get(0).delivery().attempted(204, SCHEDULE, NOW), NOW);
        webhooks.record(jobs.get(1).delivery().attempted(500, SCHEDULE, NOW), NOW);

        assertThat(webhooks.purge(NOW)).as("nothing made before NOW").isZero();
        assertThat(webhooks.purge(NOW.plusMillis(1))).as("the delivered one; the other is still pending").isEqualTo(1);

        assertThat(webhooks.deliveries(webhook.id(), 10)).singleElement().satisfies(delivery -> {
            assertThat(delivery.notificationId()).isEqualTo(jobs.get(1).notification().id());
            assertThat(delivery.state()).isEqualTo(Delivery.State.PENDING);
        });
        assertThat(webhooks.claimDue(NOW.plusSeconds(5), LEASE, 10)).hasSize(1);
        assertThat(webhooks.counts()).isEqualTo(new WebhookStore.Counts(1, 0));
    }

    @Test
    void webhooksAreKeptRotatedListedByOwnerAndDeletedWithTheirDeliveries() {
        Webhook webhook = subscribe("olga", false, "event.created");
        Webhook admins = subscribe("root", true, "event.created");
        addEvent("olga");
        webhooks.fanOut(NOW, SINCE, 100);

        Webhook rotated = webhook.rotated(Webhook.newSecret(), NOW, false);
        assertThat(webhooks.update(rotated)).isTrue();
        assertThat(webhooks.find(webhook.id())).contains(rotated);
        assertThat(rotated.signingSecrets(NOW)).hasSize(2);
        assertThat(rotated.signingSecrets(NOW.plus(Webhook.ROTATION_OVERLAP))).hasSize(1);
        assertThat(webhooks.list(Optional.of("olga"))).containsExactly(rotated);
        assertThat(webhooks.list(Optional.empty())).containsExactlyInAnyOrder(rotated, admins);

        assertThat(webhooks.delete(webhook.id())).isTrue();
        assertThat(webhooks.delete(webhook.id())).isFalse();
        assertThat(webhooks.find(webhook.id())).isEmpty();
        assertThat(webhooks.deliveries(webhook.id(), 10)).isEmpty();
        assertThat(webhooks.update(rotated)).isFalse();
        assertThat(webhooks.counts()).isEqualTo(new WebhookStore.Counts(1, 0));
    }

    @Test
    void anAllEventsWebhookGetsOtherOrganizersNotificationsOnlyWhileItsOwnerIsSeenAsAnAdmin() {
        Webhook admin = subscribe("root", true, "event.created");
        Webhook demoted = subscribe("ex", true, "event.created");
        Webhook away = subscribe("away", true, "event.created");
        webhooks.ownerSeen("root", true, NOW);
        webhooks.ownerSeen("ex", false, NOW);
        webhooks.ownerSeen("away", true, SINCE.minusSeconds(1));
        Notification olgas = created(addEvent("olga"));
        Notification exs = created(addEvent("ex"));
        while (webhooks.fanOut(NOW, SINCE, 100) > 0) {
            // until every notification is handed out
        }

        assertThat(webhooks.deliveries(admin.id(), 10)).extracting(Delivery::notificationId)
                .containsExactlyInAnyOrder(olgas.id(), exs.id());
        assertThat(webhooks.deliveries(demoted.id(), 10)).as("a token without the admin role: its own events only")
                .extracting(Delivery::notificationId).containsExactly(exs.id());
        assertThat(webhooks.deliveries(away.id(), 10)).as("not seen as an admin since").isEmpty();

        // Seen again as an admin: every event again. A rotation does not undo what was seen.
        webhooks.ownerSeen("away", true, NOW);
        assertThat(webhooks.update(demoted.rotated(Webhook.newSecret(), NOW, true))).isTrue();
        assertThat(webhooks.find(demoted.id()).orElseThrow().receivesEveryEvent(SINCE)).isFalse();
        assertThat(webhooks.find(away.id()).orElseThrow().receivesEveryEvent(SINCE)).isTrue();
        Notification later = created(addEvent("olga"));
        webhooks.fanOut(NOW, SINCE, 100);
        assertThat(webhooks.deliveries(away.id(), 10)).extracting(Delivery::notificationId)
                .containsExactly(later.id());
        assertThat(webhooks.deliveries(demoted.id(), 10)).extracting(Delivery::notificationId)
                .containsExactly(exs.id());
    }

    @Test
    void aSecretIsKeptAndReadBackAsIssuedAndARotationThatExpiresTheOldKeepsOnlyTheNew() {
        Webhook webhook = subscribe("olga", false, "event.created");
        assertThat(webhooks.find(webhook.id()).orElseThrow().currentSecret()).isEqualTo(webhook.currentSecret());

        Webhook rotated = webhook.rotated(Webhook.newSecret(), NOW, true);
        webhooks.update(rotated);

        Webhook read = webhooks.find(webhook.id()).orElseThrow();
        assertThat(read.signingSecrets(NOW)).extracting(Webhook.Secret::value).containsExactly(rotated.currentSecret());
        assertThat(read.secrets()).extracting(Webhook.Secret::value).doesNotContain(webhook.currentSecret());
    }
}
