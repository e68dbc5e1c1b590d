package org.boxoffice.store.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.boxoffice.domain.Layout;
import org.boxoffice.domain.Money;
import org.boxoffice.domain.Pricing;
import org.boxoffice.domain.Refund;
import org.boxoffice.domain.RefundPolicy;
import org.boxoffice.domain.SeatSelection;
import org.boxoffice.domain.webhooks.Webhook;
import org.boxoffice.domain.WebhookId;
import org.boxoffice.security.SecretBox;

/**
 * What the store keeps as {@code jsonb}: an event's layout, pricing and refund policy, and a booking's
 * refunds. Each is only ever read and written whole, with its row, so one column holds it. The shapes
 * are the store's own (records below), apart from the API's. Jackson reads and writes them by reflection,
 * which a native executable allows only for the classes registered here.
 */
@RegisterForReflection(targets = { Layout.Section.class, Layout.Row.class })
final class StoredJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterForReflection
    private record StoredPricing(String currency, long defaultPrice, Map<String, Long> categories) {
    }

    @RegisterForReflection
    private record StoredTier(String before, int percent) {
    }

    @RegisterForReflection
    private record StoredRefund(int[] seats, long amount, int percent, String at) {
    }

    @RegisterForReflection
    private record StoredSecret(String value, String createdAt, String retiresAt) {
    }

    private StoredJson() {
    }

    static String layout(Layout layout) {
        return layout == null ? null : write(layout.sections());
    }

    static Layout layout(String json) {
        return json == null ? null : Layout.restore(read(json, new TypeReference<List<Layout.Section>>() {
        }));
    }

    static String pricing(Pricing pricing) {
        return pricing == null ? null
                : write(new StoredPricing(pricing.currency(), pricing.defaultPrice(), pricing.categories()));
    }

    static Pricing pricing(String json) {
        if (json == null) {
            return null;
        }
        StoredPricing stored = read(json, new TypeReference<StoredPricing>() {
        });
        return new Pricing(stored.currency(), stored.defaultPrice(), stored.categories());
    }

    static String refundPolicy(RefundPolicy policy) {
        return write(policy.tiers().stream().map(tier -> new StoredTier(tier.before().toString(), tier.percent()))
                .toList());
    }

    static RefundPolicy refundPolicy(String json) {
        if (json == null) {
            return RefundPolicy.DEFAULT;
        }
        return new RefundPolicy(read(json, new TypeReference<List<StoredTier>>() {
        }).stream().map(tier -> new RefundPolicy.Tier(Duration.parse(tier.before()), tier.percent())).toList());
    }

    /**
     * A webhook's secrets, each value sealed for that webhook: the shape is the one a release that kept them
     * unsealed reads too, so it still reads the row beside this one (its signatures with a sealed value
     * do not verify, and the delivery is tried again).
     */
    static String secrets(List<Webhook.Secret> secrets, SecretBox box, WebhookId id) {
        return write(secrets.stream().map(secret -> new StoredSecret(box.seal(secret.value(), id.toString()),
                secret.createdAt().toString(), secret.retiresAt() == null ? null : secret.retiresAt().toString()))
                .toList());
    }

    /** The secrets, opened; one kept unsealed (whsec_) reads as it is. */
    static List<Webhook.Secret> secrets(String json, SecretBox box, WebhookId id) {
        return read(json, new TypeReference<List<StoredSecret>>() {
        }).stream().map(secret -> new Webhook.Secret(box.open(secret.value(), id.toString()),
                Instant.parse(secret.createdAt()), secret.retiresAt() == null ? null : Instant.parse(secret.retiresAt())))
                .toList();
    }

    static String refunds(List<Refund> refunds) {
        return write(refunds.stream().map(refund -> new StoredRefund(refund.seats().seats(), refund.amount().amount(),
                refund.percent(), refund.at().toString())).toList());
    }

    /** @param currency the booking's, which its refunds share */
    static List<Refund> refunds(String json, String currency) {
        return read(json, new TypeReference<List<StoredRefund>>() {
        }).stream().map(refund -> new Refund(SeatSelection.ofAscending(refund.seats()),
                new Money(refund.amount(), currency), refund.percent(), Instant.parse(refund.at()))).toList();
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the store's own values always serialise", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored value is not readable: " + json, e);
        }
    }
}
