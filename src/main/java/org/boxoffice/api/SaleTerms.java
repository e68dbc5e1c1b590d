package org.boxoffice.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.Pricing;
import org.boxoffice.domain.RefundPolicy;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event's terms of sale as clients send and read them: its prices and its refund policy. */
public final class SaleTerms {

    private SaleTerms() {
    }

    /** What seats cost, in the currency's minor unit; the layout's categories may cost more or less. */
    @Schema(name = "Pricing")
    @RegisterForReflection
    public record PricingBody(
            @Schema(description = "ISO 4217 code", examples = "EUR") String currency,
            @Schema(description = "Price of a seat without a category, in minor units", examples = "4500")
            @JsonProperty("default") Long defaultPrice,
            @Schema(description = "Price per layout category, in minor units", examples = "{\"A\": 12000, \"B\": 6000}")
            Map<String, Long> categories,
            @Schema(description = "How many decimals the currency's minor unit has (2 for EUR, 0 for JPY);"
                    + " answered, not sent", readOnly = true, examples = "2") Integer decimals) {

        Event.PricingPlan toPlan() {
            return new Event.PricingPlan(currency, defaultPrice, categories == null ? Map.of() : categories);
        }

        static PricingBody of(Pricing pricing) {
            return pricing == null ? null : new PricingBody(pricing.currency(), pricing.defaultPrice(),
                    pricing.categories(), pricing.decimals());
        }
    }

    /** Until {@code before} the start (an ISO-8601 duration), a cancellation refunds {@code percent}. */
    @Schema(name = "RefundTier")
    @RegisterForReflection
    public record TierBody(@Schema(examples = "PT168H") String before, @Schema(examples = "100") Integer percent) {

        static TierBody of(RefundPolicy.Tier tier) {
            return new TierBody(tier.before().toString(), tier.percent());
        }
    }

    /**
     * The tiers as the domain checks them: a duration that cannot be read, or a missing percentage, comes
     * through as one the domain refuses, so that every broken rule of the request is named at once.
     */
    static List<RefundPolicy.Tier> tiers(List<TierBody> tiers) {
        if (tiers == null) {
            return null;
        }
        List<RefundPolicy.Tier> read = new ArrayList<>();
        for (TierBody tier : tiers) {
            read.add(tier == null ? null : new RefundPolicy.Tier(duration(tier.before()),
                    tier.percent() == null ? -1 : tier.percent()));
        }
        return read;
    }

    private static Duration duration(String text) {
        try {
            return text == null ? null : Duration.parse(text);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    static List<TierBody> of(RefundPolicy policy) {
        return policy.tiers().stream().map(TierBody::of).toList();
    }
}
