package org.boxoffice.domain;

import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the seats of an event cost: one amount per price category of its layout, and a default for
 * seats without a category (or an event without a layout), all in minor units of one ISO 4217
 * currency. An event without pricing is free.
 */
public record Pricing(String currency, long defaultPrice, Map<String, Long> categories) {

    /** Largest price of one seat accepted: large enough for any ticket, small enough that sums never overflow. */
    public static final long MAX_PRICE = 1_000_000_000_000L;

    public Pricing {
        categories = Map.copyOf(categories);
    }

    /**
     * Checks every rule a client can break and reports all that are broken, by their domain paths:
     * a currency ISO 4217 knows (with a minor unit), prices from 0 to {@link #MAX_PRICE}, and categories the
     * layout has.
     *
     * @param layout the event's layout, or null
     */
    public static Pricing of(String currency, Long defaultPrice, Map<String, Long> categories, Layout layout) {
        List<Violation> violations = new ArrayList<>();
        String code = currency == null ? null : currency.strip();
        if (code == null || code.isEmpty()) {
            violations.add(new Violation("pricing.currency", "is required: an ISO 4217 code such as \"EUR\""));
        } else if (!isCurrency(code)) {
            violations.add(new Violation("pricing.currency", "must be an ISO 4217 currency code such as \"EUR\","
                    + " not " + code));
        }
        if (defaultPrice == null) {
            violations.add(new Violation("pricing.defaultPrice", "is required: the price of a seat without a category"));
        } else {
            checkPrice("pricing.defaultPrice", defaultPrice, violations);
        }
        Set<String> known = layout == null ? Set.of() : layout.categories();
        Map<String, Long> prices = new TreeMap<>(categories == null ? Map.of() : categories);
        prices.forEach((category, price) -> {
            String field = "pricing.categories." + category;
            if (!known.contains(category)) {
                violations.add(new Violation(field, layout == null
                        ? "this event has no layout, so no categories: use pricing.default"
                        : "is not a category of this event's layout; its categories are " + known));
            }
            if (price == null) {
                violations.add(new Violation(field, "must be a price in minor units, not null"));
            } else {
                checkPrice(field, price, violations);
            }
        });
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new Pricing(code.toUpperCase(Locale.ROOT), defaultPrice, new LinkedHashMap<>(prices));
    }

    private static boolean isCurrency(String code) {
        try {
            return Currency.getInstance(code.toUpperCase(Locale.ROOT)).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private static void checkPrice(String field, long price, List<Violation> violations) {
        if (price < 0 || price > MAX_PRICE) {
            violations.add(new Violation(field, "must be a whole number of minor units from 0 to " + MAX_PRICE));
        }
    }

    /** How many decimals the currency's minor unit has (2 for EUR, 0 for JPY). */
    public int decimals() {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }

    /** What one seat of the event costs now. */
    public long priceOf(int seat, Layout layout) {
        String category = layout == null ? null : layout.categoryOf(seat);
        Long price = category == null ? null : categories.get(category);
        return price != null ? price : defaultPrice;
    }
}
