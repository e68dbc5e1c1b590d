package org.boxoffice.domain.webhooks;

import org.boxoffice.domain.InvalidRequestException;
import org.boxoffice.domain.Notification;
import org.boxoffice.domain.NotificationType;
import org.boxoffice.domain.Violation;
import org.boxoffice.domain.WebhookId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A subscription: where to send which notifications, and the secrets that sign them (Standard
 * Webhooks). An organizer's webhook receives the notifications of their own events; an admin's, all, for
 * as long as its owner keeps showing the admin role ({@link #receives}). A rotated secret keeps signing
 * beside its successor for a while, so receivers can switch without losing a delivery, unless the rotation
 * expires it at once. A webhook is disabled when its receiver answers 410 Gone.
 *
 * @param everyEvent whether it receives every event's notifications (made by an admin)
 * @param disabledAt when it was disabled, or null while it is active
 * @param adminSeenAt when its owner last showed the admin role ({@link Instant#EPOCH}: showed a token
 *        without it since); null counts as its creation
 */
public record Webhook(WebhookId id, String owner, boolean everyEvent, WebhookUrl url, Set<NotificationType> types,
        List<Secret> secrets, Instant createdAt, Instant disabledAt, Instant adminSeenAt) {

    /** How many random bytes a secret has: more than the 24 Standard Webhooks asks for. */
    public static final int SECRET_BYTES = 32;
    /** How long a rotated secret keeps signing beside its successor. */
    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
    /** Longest URL accepted. */
    public static final int MAX_URL_LENGTH = 2000;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A signing secret, {@code whsec_} and base64; it signs until {@code retiresAt} (null: for good). */
    public record Secret(String value, Instant createdAt, Instant retiresAt) {

        public Secret {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(createdAt, "createdAt");
        }

        public boolean signsAt(Instant now) {
            return retiresAt == null || now.isBefore(retiresAt);
        }

        /** The key the signature is computed with: the bytes the base64 after {@code whsec_} stands for. */
        public byte[] key() {
            return Base64.getDecoder().decode(value.substring("whsec_".length()));
        }
    }

    public Webhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(url, "url");
        types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
        secrets = List.copyOf(secrets);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * Checks a subscription's URL and types, reporting every broken rule: an absolute {@code https} URL
     * (or {@code http}, with private targets allowed), and at least one known notification type. Whether
     * the host is private is for the notify package to check once it is resolved.
     */
    public static Webhook subscribe(WebhookId id, String owner, boolean everyEvent, String url, List<String> types,
            boolean allowPrivateTargets, Instant now) {
        List<Violation> violations = new ArrayList<>();
        WebhookUrl target = checkUrl(url, allowPrivateTargets, violations);
        Set<NotificationType> wanted = EnumSet.noneOf(NotificationType.class);
        if (types == null || types.isEmpty()) {
            violations.add(new Violation("types", "must list at least one notification type, such as"
                    + " \"booking.confirmed\""));
        } else {
            for (int i = 0; i < types.size(); i++) {
                String name = types.get(i);
                String field = "types[" + i + "]";
                NotificationType.ofWireName(name).ifPresentOrElse(wanted::add, () -> violations.add(new Violation(
                        field, "must be a notification type: one of " + String.join(", ", knownTypes()))));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new Webhook(id, owner, everyEvent, target, wanted, List.of(new Secret(newSecret(), now, null)), now,
                null, everyEvent ? now : null);
    }

    private static WebhookUrl checkUrl(String url, boolean allowPrivateTargets, List<Violation> violations) {
        if (url == null || url.isBlank()) {
            violations.add(new Violation("url", "is required: where to send the notifications"));
            return null;
        }
        if (url.length() > MAX_URL_LENGTH) {
            violations.add(new Violation("url", "must be at most " + MAX_URL_LENGTH + " characters"));
            return null;
        }
        String stripped = url.strip();
        Optional<String> refusal = WebhookUrl.refusal(stripped, allowPrivateTargets);
        refusal.ifPresent(why -> violations.add(new Violation("url", why)));
        return refusal.isPresent() ? null : new WebhookUrl(stripped);
    }

    private static List<String> knownTypes() {
        return EnumSet.allOf(NotificationType.class).stream().map(NotificationType::wireName).toList();
    }

    /** A new secret: {@code whsec_} and the base64 of {@link #SECRET_BYTES} random bytes. */
    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    public boolean isActive() {
        return disabledAt == null;
    }

    /**
     * Whether this webhook is to receive the notification: its type, and after it was made; its owner's own
     * event, or any event if it is an all-events webhook whose owner showed the admin role at or after
     * {@code adminSince}.
     */
    public boolean receives(Notification notification, Instant adminSince) {
        return isActive() && types.contains(notification.type())
                && (owner.equals(notification.organizer()) || receivesEveryEvent(adminSince))
                && !createdAt.isAfter(notification.time());
    }

    /** Whether it receives every organizer's notifications: made by an admin still seen as one since {@code adminSince}. */
    public boolean receivesEveryEvent(Instant adminSince) {
        return everyEvent && !(adminSeenAt == null ? createdAt : adminSeenAt).isBefore(adminSince);
    }

    /** This webhook with its owner seen at {@code now}, with the admin role or without it. */
    public Webhook ownerSeen(boolean admin, Instant now) {
        return everyEvent ? withAdminSeenAt(admin ? now : Instant.EPOCH) : this;
    }

    /** This webhook with {@code adminSeenAt} as given: what a store keeps apart from the rest. */
    public Webhook withAdminSeenAt(Instant seen) {
        return new Webhook(id, owner, everyEvent, url, types, secrets, createdAt, disabledAt, seen);
    }

    /** The secrets that sign a delivery at {@code now}: the current one, and a rotated one still overlapping. */
    public List<Secret> signingSecrets(Instant now) {
        return secrets.stream().filter(secret -> secret.signsAt(now)).toList();
    }

    /**
     * This webhook with a new secret; the ones signing now keep signing for {@link #ROTATION_OVERLAP}, or,
     * with {@code expireOld}, are dropped: only the new one signs.
     */
    public Webhook rotated(String newSecret, Instant now, boolean expireOld) {
        List<Secret> next = new ArrayList<>();
        for (Secret secret : secrets) {
            if (!expireOld && secret.signsAt(now)) {
                Instant retires = now.plus(ROTATION_OVERLAP);
                next.add(new Secret(secret.value(), secret.createdAt(),
                        secret.retiresAt() == null || secret.retiresAt().isAfter(retires) ? retires : secret.retiresAt()));
            }
        }
        next.add(new Secret(newSecret, now, null));
        return new Webhook(id, owner, everyEvent, url, types, next, createdAt, disabledAt, adminSeenAt);
    }

    /** This webhook disabled at {@code now}; one disabled already stays as it is. */
    public Webhook disabled(Instant now) {
        return isActive() ? new Webhook(id, owner, everyEvent, url, types, secrets, createdAt, now, adminSeenAt)
                : this;
    }

    /**
     * This stored webhook as a store keeps it when {@code changed} replaces it: the changed secrets, and
     * disabled if either is; one disabled already stays disabled from when it first was. The rest is this
     * one's: when its owner was seen is {@link #ownerSeen}'s to change.
     */
    public Webhook withChangesOf(Webhook changed) {
        return new Webhook(id, owner, everyEvent, url, types, changed.secrets(), createdAt,
                isActive() ? changed.disabledAt() : disabledAt, adminSeenAt);
    }

    /**
     * This webhook after one of its deliveries was attempted: disabled at {@code now} if the outcome
     * disables it ({@link Delivery#disablesWebhook}), as it stands otherwise.
     */
    public Webhook afterAttempt(Delivery attempted, Instant now) {
        return attempted.disablesWebhook() ? disabled(now) : this;
    }

    /** One of its deliveries as it stands with this webhook: a disabled one tries nothing more, so a pending one fails. */
    public Delivery settle(Delivery delivery) {
        return !isActive() && delivery.state() == Delivery.State.PENDING ? delivery.abandoned() : delivery;
    }

    /** The current secret: the newest. */
    public String currentSecret() {
        return secrets.get(secrets.size() - 1).value();
    }
}
