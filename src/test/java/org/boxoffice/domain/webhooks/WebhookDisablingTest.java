package org.boxoffice.domain.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Notification;
import org.boxoffice.domain.NotificationId;
import org.boxoffice.domain.NotificationType;
import org.boxoffice.domain.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a webhook comes to be disabled, and that it stays so. */
class WebhookDisablingTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final RetrySchedule SCHEDULE = new RetrySchedule(List.of(Duration.ofSeconds(5)));

    private final Webhook webhook = Webhook.subscribe(WebhookId.random(), "olga", false, "https://hooks.example.com/",
            List.of("event.created"), false, NOW.minusSeconds(60));

    private Delivery pending() {
        Notification created = new Notification(NotificationId.random(), NotificationType.EVENT_CREATED,
                EventId.random(), "olga", UUID.randomUUID(), NOW, () -> "{}");
        return Delivery.of(webhook, created, NOW);
    }

    @Test
    void aChangeKeepsItsSecretsButAWebhookDisabledAlreadyStaysDisabledFromWhenItFirstWas() {
        Webhook rotated = webhook.rotated(Webhook.newSecret(), NOW, true);
        Webhook disabledEarlier = webhook.disabled(NOW.minusSeconds(30));

        assertThat(webhook.withChangesOf(rotated)).isEqualTo(rotated);
        assertThat(webhook.withChangesOf(rotated.disabled(NOW)).disabledAt()).isEqualTo(NOW);
        assertThat(disabledEarlier.withChangesOf(rotated).disabledAt()).isEqualTo(NOW.minusSeconds(30));
        assertThat(disabledEarlier.withChangesOf(rotated.disabled(NOW)).disabledAt()).isEqualTo(NOW.minusSeconds(30));
        assertThat(disabledEarlier.withChangesOf(rotated).secrets()).isEqualTo(rotated.secrets());
        assertThat(webhook.ownerSeen(true, NOW).withChangesOf(rotated.withAdminSeenAt(Instant.EPOCH)).adminSeenAt())
                .as("when its owner was seen is not a change's").isNull();
    }

    @Test
    void aGoneReceiverOrALastFailedTryDisablesItAndItsPendingDeliveriesFail() {
        Delivery other = pending();

        assertThat(webhook.afterAttempt(pending().attempted(500, SCHEDULE, NOW), NOW).isActive()).isTrue();
        assertThat(webhook.afterAttempt(pending().attempted(204, SCHEDULE, NOW), NOW).isActive()).isTrue();
        Webhook gone = webhook.afterAttempt(pending().attempted(410, SCHEDULE, NOW), NOW);
        Webhook exhausted = webhook.afterAttempt(pending().attempted(500, SCHEDULE, NOW)
                .attempted(500, SCHEDULE, NOW.plusSeconds(5)), NOW.plusSeconds(5));

        assertThat(gone.disabledAt()).isEqualTo(NOW);
        assertThat(exhausted.disabledAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(gone.afterAttempt(pending().attempted(410, SCHEDULE, NOW), NOW.plusSeconds(9)).disabledAt())
                .isEqualTo(NOW);
        assertThat(gone.settle(other).state()).isEqualTo(Delivery.State.FAILED);
        assertThat(webhook.settle(other)).isSameAs(other);
        Delivery delivered = other.attempted(204, SCHEDULE, NOW);
        assertThat(gone.settle(delivered)).isSameAs(delivered);
    }
}
