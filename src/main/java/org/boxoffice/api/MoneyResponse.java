package org.boxoffice.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.boxoffice.domain.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An amount of money as clients see it: a whole number of the currency's minor unit (cents, yen). */
@Schema(name = "Money")
@RegisterForReflection
public record MoneyResponse(
        @Schema(description = "In the currency's minor unit (cents for EUR, yen for JPY); never fractional",
                examples = "24000") long amount,
        @Schema(description = "ISO 4217 code; null for a free event", examples = "EUR", nullable = true)
        String currency) {

    static MoneyResponse of(Money money) {
        return new MoneyResponse(money.amount(), money.currency());
    }
}
