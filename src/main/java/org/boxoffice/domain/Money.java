package org.boxoffice.domain;

import java.util.Objects;

/**
 * An amount of money in the minor unit of its currency (cents for EUR, yen for JPY): a whole number,
 * never floating point, so sums and refunds are exact.
 *
 * @param currency the ISO 4217 code; null for the zero of a free event
 */
public record Money(long amount, String currency) {

    public Money {
        if (amount < 0) {
            throw new IllegalArgumentException("an amount of money is never negative: " + amount);
        }
    }

    /** Nothing, in this currency (null for a free event). */
    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(amount, checked(other).amount), currency != null ? currency : other.currency);
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(amount, checked(other).amount), currency != null ? currency : other.currency);
    }

    /** {@code percent} of this amount, rounded down to a whole minor unit: a refund never pays more than was paid. */
    public Money percent(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("a percentage is 0 to 100, not " + percent);
        }
        return new Money(Math.multiplyExact(amount, percent) / 100, currency);
    }

    private Money checked(Money other) {
        if (currency != null && other.currency != null && !Objects.equals(currency, other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return other;
    }
}
