package org.boxoffice.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.boxoffice.domain.webhooks.Delivery;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Notification;
import org.boxoffice.domain.NotificationId;
import org.boxoffice.domain.NotificationType;
import org.boxoffice.domain.webhooks.RetrySchedule;
import org.boxoffice.domain.webhooks.Webhook;
import org.boxoffice.domain.WebhookId;
import org.boxoffice.domain.webhooks.WebhookUrl;
import org.boxoffice.domain.webhooks.WebhookStore;
import org.boxoffice.security.SecretBox;
import org.boxoffice.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The receiving rules of {@link Webhook} that {@link PostgresWebhookStore} also states in SQL, run on the
 * same table of cases both ways: who receives a notification, a disabled webhook stays disabled, and an
 * outcome that disables a webhook fails its pending deliveries.
 */
class WebhookRulesInSqlTest {

    private static final Instant T = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    /** Admins seen since then still receive every event's notifications. */
    private static final Instant SINCE = T.minus(Duration.ofDays(7));
    private static final RetrySchedule SCHEDULE = new RetrySchedule(List.of(Duration.ofSeconds(5)));

    private final PostgresWebhookStore store = new PostgresWebhookStore(TestDatabase.get().dataSource(),
            Optional.empty(), SecretBox.generated());

    /**
     * Before and after: its webhooks are sealed with this test's key and their deliveries left pending, which
     * a service started later on the same database (the ITs, in CI) could not open, and would retry for ever.
     */
    @BeforeEach
    @AfterEach
    void emptyDatabase() {
        TestDatabase.get().truncate();
    }

    private static Webhook webhook(String owner, boolean everyEvent, Set<NotificationType> types, Instant createdAt,
            Instant disabledAt, Instant adminSeenAt) {
        return new Webhook(WebhookId.random(), owner, everyEvent, new WebhookUrl("https://hooks.example.com/" + owner),
                types, List.of(new Webhook.Secret(Webhook.newSecret(), createdAt, null)), createdAt, disabledAt,
                adminSeenAt);
    }

    private static Notification notification(NotificationType type, String organizer, Instant time) {
        return new Notification(NotificationId.random(), type, EventId.random(), organizer, UUID.randomUUID(), time,
                () -> "{}");
    }

    private static void write(List<Notification> notifications) throws SQLException {
        try (Connection c = TestDatabase.get().dataSource().getConnection()) {
            for (Notification notification : notifications) {
                Rows.insertNotification(c, notification);
            }
        }
    }

    @Test
    void aNotificationIsHandedOutToExactlyTheWebhooksTheDomainSaysReceiveIt() throws SQLException {
        Set<NotificationType> created = Set.of(NotificationType.EVENT_CREATED);
        Set<NotificationType> both = Set.of(NotificationType.EVENT_CREATED, NotificationType.BOOKING_CONFIRMED);
        Instant hourAgo = T.minus(Duration.ofHours(1));
        List<Webhook> webhooks = List.of(
                webhook("olga", false, created, hourAgo, null, null),
                webhook("olga", false, both, hourAgo, null, null),
                webhook("olga", false, both, hourAgo, hourAgo, null),
                webhook("olga", false, created, T, null, null),
                webhook("olga", false, created, T.plusMillis(1), null, null),
                webhook("root", true, created, hourAgo, null, null),
                webhook("root", true, created, hourAgo, null, Instant.EPOCH),
                webhook("root", true, both, hourAgo, null, SINCE),
                webhook("root", true, both, hourAgo, null, SINCE.minusMillis(1)),
                webhook("root", true, created, SINCE.minus(Duration.ofDays(1)), null, null),
                webhook("root", true, created, hourAgo, hourAgo, T),
                webhook("root", false, both, hourAgo, null, null),
                webhook("pete", true, created, hourAgo, null, Instant.EPOCH));
        List<Notification> notifications = List.of(
                notification(NotificationType.EVENT_CREATED, "olga", T),
                notification(NotificationType.BOOKING_CONFIRMED, "olga", T),
                notification(NotificationType.EVENT_CREATED, "pete", T),
                notification(NotificationType.HOLD_PLACED, "olga", T),
                notification(NotificationType.EVENT_CREATED, "olga", T.minus(Duration.ofHours(2))));
        webhooks.forEach(store::add);
        write(notifications);

        assertThat(store.fanOut(T, SINCE, 100)).isEqualTo(notifications.size());

        int received = 0;
        for (Webhook webhook : webhooks) {
            List<NotificationId> expected = new ArrayList<>();
            for (Notification notification : notifications) {
                if (webhook.receives(notification, SINCE)) {
                    expected.add(notification.id());
                }
            }
            received += expected.size();
            assertThat(store.deliveries(webhook.id(), 100)).as("%s", webhook)
                    .extracting(Delivery::notificationId).containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(received).as("cases on both sides of every rule")
                .isBetween(webhooks.size() / 2, webhooks.size() * notifications.size() / 2);
    }

    @Test
    void aDisabledWebhookStaysDisabledFromWhenItFirstWasAsTheDomainSays() {
        Instant first = T.minus(Duration.ofHours(1));
        for (Instant stored : new Instant[] {null, first}) {
            for (Instant changed : new Instant[] {null, T}) {
                Webhook webhook = webhook("olga", false, Set.of(NotificationType.EVENT_CREATED), first.minusSeconds(60),
                        stored, null);
                store.add(webhook);
                Webhook rotated = webhook.rotated(Webhook.newSecret(), T, true);
                Webhook change = new Webhook(webhook.id(), webhook.owner(), false, webhook.url(), webhook.types(),
                        rotated.secrets(), webhook.createdAt(), changed, T);

                store.update(change);

                assertThat(store.find(webhook.id())).as("stored %s, changed %s", stored, changed)
                        .contains(webhook.withChangesOf(change));
            }
        }
    }

    @Test
    void anOutcomeThatDisablesAWebhookFailsItsPendingDeliveriesAsTheDomainSays() throws SQLException {
        for (Integer status : new Integer[] {204, 500, 410}) {
            for (boolean lastTry : new boolean[] {false, true}) {
                Webhook webhook = webhook("olga", false, Set.of(NotificationType.EVENT_CREATED), T.minusSeconds(60),
                        null, null);
                store.add(webhook);
                write(List.of(notification(NotificationType.EVENT_CREATED, "olga", T),
                        notification(NotificationType.EVENT_CREATED, "olga", T)));
                store.fanOut(T, SINCE, 100);
                List<WebhookStore.Job> jobs = store.claimDue(T, Duration.ofSeconds(30), 10).stream()
                        .filter(job -> job.webhook().id().equals(webhook.id())).toList();
                Delivery tried = jobs.get(0).delivery();
                Delivery other = jobs.get(1).delivery();
                if (lastTry) {
                    tried = tried.attempted(500, SCHEDULE, T);
                }
                Delivery attempted = tried.attempted(status, SCHEDULE, T);

                store.record(attempted, T);

                Webhook expected = webhook.afterAttempt(attempted, T);
                String at = "status " + status + (lastTry ? " on the last try" : "");
                assertThat(store.find(webhook.id()).orElseThrow().disabledAt()).as(at).isEqualTo(expected.disabledAt());
                assertThat(store.deliveries(webhook.id(), 10)).as(at).filteredOn(d -> d.notificationId()
                        .equals(other.notificationId())).extracting(Delivery::state)
                        .containsExactly(expected.settle(other).state());
            }
        }
    }
}
