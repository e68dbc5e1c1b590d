package org.boxoffice.domain.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.boxoffice.domain.EventId;
import org.boxoffice.domain.InvalidRequestException;
import org.boxoffice.domain.Notification;
import org.boxoffice.domain.NotificationId;
import org.boxoffice.domain.NotificationType;
import org.boxoffice.domain.Violation;
import org.boxoffice.domain.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a subscription may ask for, where it may send, and how its deliveries are retried. */
class WebhookRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static Webhook subscribe(String url, boolean allowPrivate, String... types) {
        return Webhook.subscribe(WebhookId.random(), "olga", false, url, List.of(types), allowPrivate, NOW);
    }

    private static List<String> fieldsRefused(String url, boolean allowPrivate, String... types) {
        try {
            subscribe(url, allowPrivate, types);
            return List.of();
        } catch (InvalidRequestException e) {
            return e.violations().stream().map(Violation::field).toList();
        }
    }

    @Test
    void httpsIsRequiredUnlessPrivateTargetsAreAllowed() {
        assertThat(subscribe("https://hooks.example.com/box", false, "event.created").url())
                .isEqualTo(new WebhookUrl("https://hooks.example.com/box"));
        assertThat(fieldsRefused("http://hooks.example.com/box", false, "event.created")).containsExactly("url");
        assertThat(fieldsRefused("http://127.0.0.1:8080/box", true, "event.created")).isEmpty();
        assertThat(fieldsRefused("ftp://hooks.example.com/box", true, "event.created")).containsExactly("url");
        assertThat(fieldsRefused("/relative", false, "event.created")).containsExactly("url");
        assertThat(fieldsRefused("https://user:pw@hooks.example.com/", false, "event.created")).containsExactly("url");
        assertThat(fieldsRefused("https://hooks.example.com/" + "x".repeat(Webhook.MAX_URL_LENGTH), false,
                "event.created")).containsExactly("url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://exa mple.com/box", "https://my_host.example.com/box", "https://hooks.example.com/%zz",
            "https://hooks.example.com/a#b#c", "https://hooks.example.com/[x]", "https:hooks.example.com", "https://",
            "https://hooks.example.com:80x/box"})
    void aUrlOfTheWrongFormIsRefused(String url) {
        assertThat(fieldsRefused(url, true, "event.created")).containsExactly("url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com", "HTTPS://Hooks.Example.com:8443/a/b?c=d&e=%20#f",
            "https://[2606:4700:4700::1111]/hook", "https://1.1.1.1/hook", "https://hooks.example.com./x~y"})
    void aUrlOfTheRightFormIsKeptAsGiven(String url) {
        assertThat(subscribe(" " + url + " ", false, "event.created").url()).isEqualTo(new WebhookUrl(url));
    }

    @Test
    void everyBrokenRuleIsNamedAtOnce() {
        assertThat(fieldsRefused(null, false, "event.created", "booking.exploded", "hold.placed", "nope"))
                .containsExactly("url", "types[1]", "types[3]");
        assertThat(fieldsRefused("https://hooks.example.com", false)).containsExactly("types");
    }

    @Test
    void aNewWebhookHasOneSecretOfMoreThan24RandomBytes() {
        Webhook webhook = subscribe("https://hooks.example.com", false, "event.created");
        assertThat(webhook.secrets()).singleElement().satisfies(secret -> {
            assertThat(secret.value()).startsWith("whsec_");
            assertThat(secret.key()).hasSizeGreaterThanOrEqualTo(24);
        });
        assertThat(subscribe("https://hooks.example.com", false, "event.created").currentSecret())
                .isNotEqualTo(webhook.currentSecret());
    }

    @Test
    void aRotatedSecretSignsBesideTheNewOneForItsOverlapOnly() {
        Webhook webhook = subscribe("https://hooks.example.com", false, "event.created");
        Webhook rotated = webhook.rotated(Webhook.newSecret(), NOW, false);
        Webhook again = rotated.rotated(Webhook.newSecret(), NOW.plus(Duration.ofHours(1)), false);

        assertThat(rotated.signingSecrets(NOW)).hasSize(2);
        assertThat(rotated.signingSecrets(NOW.plus(Webhook.ROTATION_OVERLAP))).extracting(Webhook.Secret::value)
                .containsExactly(rotated.currentSecret());
        assertThat(again.signingSecrets(NOW.plus(Duration.ofHours(2)))).hasSize(3);
        assertThat(again.signingSecrets(NOW.plus(Webhook.ROTATION_OVERLAP))).as("the first keeps its own end")
                .hasSize(2);
    }

    @Test
    void aRotationThatExpiresTheOldSecretsLeavesOnlyTheNewOne() {
        Webhook webhook = subscribe("https://hooks.example.com", false, "event.created");
        Webhook rotated = webhook.rotated(Webhook.newSecret(), NOW, false).rotated(Webhook.newSecret(), NOW, true);

        assertThat(rotated.secrets()).singleElement().extracting(Webhook.Secret::value)
                .isEqualTo(rotated.currentSecret());
        assertThat(rotated.signingSecrets(NOW)).hasSize(1);
    }

    @Test
    void aDeliveryIsRetriedByTheScheduleThenFailsAndGoneFailsAtOnce() {
        RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5)));
        Webhook webhook = subscribe("https://hooks.example.com", false, "event.created");
        Notification notification = Notification.restore(NotificationId.random(), NotificationType.EVENT_CREATED,
                EventId.random(), "olga", "events/" + EventId.random(), NOW, "{}");
        Delivery fresh = Delivery.of(webhook, notification, NOW);

        Delivery first = fresh.attempted(500, schedule, NOW);
        assertThat(first.state()).isEqualTo(Delivery.State.PENDING);
        assertThat(first.nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
        Delivery second = first.attempted(null, schedule, NOW.plusSeconds(5));
        assertThat(second.nextAttemptAt()).isEqualTo(NOW.plusSeconds(5).plus(Duration.ofMinutes(5)));
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.attempted(500, schedule, NOW).state()).as("the schedule ran out")
                .isEqualTo(Delivery.State.FAILED);
        assertThat(fresh.attempted(302, schedule, NOW).state()).as("a redirect is not delivered")
                .isEqualTo(Delivery.State.PENDING);
        assertThat(fresh.attempted(299, schedule, NOW).state()).isEqualTo(Delivery.State.DELIVERED);
        Delivery gone = fresh.attempted(410, schedule, NOW);
        assertThat(gone.state()).isEqualTo(Delivery.State.FAILED);
        assertThat(gone.gone()).isTrue();
    }
}
