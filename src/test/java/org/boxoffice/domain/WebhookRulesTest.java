package org.boxoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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
                .isEqualTo(URI.create("https://hooks.example.com/box"));
        assertThat(fieldsRefused("http://hooks.example.com/box", false, "event.created")).containsExactly("url");
        assertThat(fieldsRefused("http://127.0.0.1:8080/box", true, "event.created")).isEmpty();
        assertThat(fieldsRefused("ftp://hooks.example.com/box", true, "event.created")).containsExactly("url");
        assertThat(fieldsRefused("/relative", false, "event.created")).containsExactly("url");
        assertThat(fieldsRefused("https://user:pw@hooks.example.com/", false, "event.created")).containsExactly("url");
        assertThat(fieldsRefused("https://hooks.example.com/" + "x".repeat(Webhook.MAX_URL_LENGTH), false,
                "event.created")).containsExactly("url");
    }

    @Test
    void everyBrokenRuleIsNamedAtOnce() {
        assertThat(fieldsRefused(null, false, "event.created", "booking.exploded", "hold.placed", "nope"))
                .containsExactly("url", "events[1]", "events[3]");
        assertThat(fieldsRefused("https://hooks.example.com", false)).containsExactly("events");
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

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
            "100.64.0.1", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "224.0.0.1", "198.18.0.1",
            "::127.0.0.1", "::ffff:0:127.0.0.1", "::ffff:0:a9fe:a9fe", "64:ff9b::7f00:1", "64:ff9b::a00:1",
            "2002:7f00:1::1", "2002:a9fe:a9fe::", "2001:db8::1", "2001:0:4136:e378::1", "::", "ff02::1"})
    void aPrivateLoopbackOrLinkLocalTargetIsRefused(String address) throws Exception {
        assertThat(WebhookTarget.isPublic(InetAddress.getByName(address))).isFalse();
        URI url = URI.create("https://" + (address.contains(":") ? "[" + address + "]" : address) + "/hook");
        assertThat(WebhookTarget.refusal(url, false)).isPresent();
        assertThat(WebhookTarget.refusal(url, true)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "1.1.1.1", "2606:4700:4700::1111"})
    void aPublicTargetIsAllowed(String address) throws Exception {
        assertThat(WebhookTarget.isPublic(InetAddress.getByName(address))).isTrue();
    }

    @Test
    void aMappedAddressAsDnsWouldAnswerItIsCheckedAsTheIpv4AddressItCarries() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        mapped[12] = 127;
        mapped[15] = 1;
        // An AAAA answer builds an Inet6Address, which Java's own checks call neither loopback nor private.
        InetAddress fromDns = java.net.Inet6Address.getByAddress("rebind.example", mapped, null);
        assertThat(fromDns.isLoopbackAddress()).isFalse();

        assertThat(WebhookTarget.isPublic(fromDns)).isFalse();
        assertThat(WebhookTarget.isPublic(InetAddress.getByName("64:ff9b::5db8:d70e"))).as("NAT64 of a public one")
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://1.1.1.1:22/hook", "https://1.1.1.1:80/hook", "https://1.1.1.1:6379/hook"})
    void onlyPorts443And8443AreAllowed(String url) {
        assertThat(WebhookTarget.refusal(URI.create(url), false)).hasValueSatisfying(
                why -> assertThat(why).contains("port"));
        assertThat(WebhookTarget.refusal(URI.create("https://1.1.1.1:8443/hook"), false)).isEmpty();
        assertThat(WebhookTarget.refusal(URI.create(url), true)).isEmpty();
    }

    @Test
    void aTargetIsResolvedOnceAndEveryAddressItAnswersIsChecked() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        InetAddress[] answer = {InetAddress.getByName("1.1.1.1"), InetAddress.getByName("2606:4700:4700::1111")};
        WebhookTarget.Resolver resolver = host -> {
            asked.incrementAndGet();
            return answer.clone();
        };
        WebhookTarget.Resolved resolved = WebhookTarget.resolve(URI.create("https://hooks.example.com/hook"), false,
                resolver, WebhookTarget::isPublic);
        assertThat(resolved.refusal()).isEmpty();
        assertThat(resolved.addresses()).containsExactly(answer);
        assertThat(asked).hasValue(1);

        answer[1] = InetAddress.getByName("169.254.169.254");
        assertThat(WebhookTarget.resolve(URI.create("https://hooks.example.com/hook"), false, resolver,
                WebhookTarget::isPublic)).satisfies(refused -> {
                    assertThat(refused.refusal()).hasValueSatisfying(why -> assertThat(why).contains("169.254.169.254"));
                    assertThat(refused.addresses()).isEmpty();
                });
        assertThat(WebhookTarget.resolve(URI.create("https://hooks.example.com/hook"), true, resolver,
                WebhookTarget::isPublic).addresses()).as("private targets allowed: resolved, not checked")
                .containsExactly(answer);
    }

    @Test
    void aHostThatDoesNotResolveIsRefused() {
        assertThat(WebhookTarget.refusal(URI.create("https://no-such-host.invalid/hook"), false)).isPresent();
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
