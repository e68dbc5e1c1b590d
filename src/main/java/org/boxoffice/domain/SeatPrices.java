package org.boxoffice.domain;

import java.util.Arrays;
import java.util.Objects;

/**
 * What each seat of a hold or booking cost when it was made, in minor units of one currency: fixed then,
 * whatever the event's prices become. Amounts are in the order of the seats (ascending). A free
 * event's seats cost nothing, in no currency.
 */
public final class SeatPrices {

    private final String currency;
    private final long[] amounts;

    private SeatPrices(String currency, long[] amounts) {
        this.currency = currency;
        this.amounts = amounts;
    }

    /** The prices of these seats of the event, now. */
    public static SeatPrices of(Event event, SeatSelection seats) {
        Pricing pricing = event.pricing();
        if (pricing == null) {
            return free(seats.size());
        }
        return new SeatPrices(pricing.currency(), seats.stream().mapToLong(seat -> pricing.priceOf(seat, event.layout()))
                .toArray());
    }

    /** Prices as stored: one amount per seat, in the seats' order. */
    public static SeatPrices restore(String currency, long[] amounts) {
        for (long amount : amounts) {
            if (amount < 0) {
                throw new IllegalArgumentException("a price is never negative: " + Arrays.toString(amounts));
            }
        }
        return new SeatPrices(currency, amounts.clone());
    }

    /** The prices of {@code seats} seats of a free event. */
    public static SeatPrices free(int seats) {
        return new SeatPrices(null, new long[seats]);
    }

    /** The currency's ISO 4217 code; null for a free event. */
    public String currency() {
        return currency;
    }

    /** One amount per seat, in the seats' order; a copy. */
    public long[] amounts() {
        return amounts.clone();
    }

    public int size() {
        return amounts.length;
    }

    public boolean isFree() {
        return currency == null;
    }

    /** What all the seats cost. */
    public Money total() {
        long sum = 0;
        for (long amount : amounts) {
            sum = Math.addExact(sum, amount);
        }
        return new Money(sum, currency);
    }

    /**
     * What some of the seats cost.
     *
     * @param all the seats these prices are of, in order
     * @param some seats among them
     */
    public Money totalOf(SeatSelection all, SeatSelection some) {
        int[] seats = all.seats();
        long sum = 0;
        for (int seat : some.seats()) {
            int index = Arrays.binarySearch(seats, seat);
            if (index < 0) {
                throw new IllegalArgumentException("seat " + seat + " is not among " + all);
            }
            sum = Math.addExact(sum, amounts[index]);
        }
        return new Money(sum, currency);
    }

    /** The price of the seat at this position (in the seats' order). */
    public long at(int index) {
        return amounts[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SeatPrices that && Objects.equals(currency, that.currency)
                && Arrays.equals(amounts, that.amounts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(currency, Arrays.hashCode(amounts));
    }

    @Override
    public String toString() {
        return Arrays.toString(amounts) + (currency == null ? " (free)" : " " + currency);
    }
}
