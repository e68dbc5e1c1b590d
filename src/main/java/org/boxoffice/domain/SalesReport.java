package org.boxoffice.domain;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An event's sales at one instant: what its bookings took in (gross), what cancellations gave back
 * (refunds), the difference (net), and per price category how many seats are free, held and sold and
 * what they took in. Made from one consistent reading of the bookings and the seats, so that
 * {@code gross - refunds} is exactly what the live parts of the bookings are worth; and how many tickets
 * are checked in (inside) at that instant, in all and per category.
 *
 * @param bookings how many bookings were made, cancelled ones included
 */
public record SalesReport(EventId eventId, Money gross, Money refunds, Money net, int bookings, int checkedIn,
        List<CategorySales> categories) {

    /** One price category's seats, takings and tickets inside; {@code category} is null for seats without one. */
    public record CategorySales(String category, int free, int held, int sold, Money gross, int checkedIn) {
    }

    public SalesReport {
        categories = List.copyOf(categories);
    }

    /**
     * The report of an event from its bookings and its seats, read at the same instant.
     *
     * @param taken bit {@code n} set when seat {@code n} is booked or held
     * @param held bit {@code n} set when seat {@code n} is held by a live hold
     * @param checkedIn bit {@code n} set when the ticket of seat {@code n} is checked in
     */
    public static SalesReport of(Event event, List<Booking> bookings, BitSet taken, BitSet held, BitSet checkedIn) {
        long[] takings = new long[event.totalSeats() + 1];
        Money refunds = Money.zero(currencyOf(event));
        for (Booking booking : bookings) {
            if (!booking.eventId().equals(event.id())) {
                throw new IllegalArgumentException("booking " + booking.id() + " is not of event " + event.id());
            }
            refunds = refunds.plus(booking.refunded());
            int[] seats = booking.seats().seats();
            for (int i = 0; i < seats.length; i++) {
                takings[seats[i]] = Math.addExact(takings[seats[i]], booking.prices().at(i));
            }
        }
        return of(event, bookings.size(), takings, refunds.amount(), taken, held, checkedIn);
    }

    /**
     * The report of an event from its bookings' sums, for a store that sums them where it keeps them.
     *
     * @param bookings how many bookings were made, cancelled ones included
     * @param takings element {@code n}: what bookings paid for seat {@code n}, cancelled ones included
     * @param refunded what all the bookings' refunds gave back, in minor units of the event's currency
     */
    public static SalesReport of(Event event, int bookings, long[] takings, long refunded, BitSet taken, BitSet held,
            BitSet checkedIn) {
        String currency = currencyOf(event);
        long gross = 0;
        Map<String, long[]> byCategory = new LinkedHashMap<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (int seat = 1; seat <= event.totalSeats(); seat++) {
            String category = categoryOf(event, seat);
            long took = seat < takings.length ? takings[seat] : 0;
            gross = Math.addExact(gross, took);
            byCategory.computeIfAbsent(category, c -> new long[1])[0] += took;
            int[] count = counts.computeIfAbsent(category, c -> new int[4]);
            count[!taken.get(seat) ? 0 : held.get(seat) ? 1 : 2]++;
            if (checkedIn.get(seat)) {
                count[3]++;
            }
        }
        List<CategorySales> categories = new ArrayList<>();
        counts.forEach((category, count) -> categories.add(new CategorySales(category, count[0], count[1], count[2],
                new Money(byCategory.get(category)[0], currency), count[3])));
        Money grossMoney = new Money(gross, currency);
        Money refunds = new Money(refunded, currency);
        return new SalesReport(event.id(), grossMoney, refunds, grossMoney.minus(refunds), bookings,
                checkedIn.cardinality(), categories);
    }

    private static String currencyOf(Event event) {
        return event.pricing() == null ? null : event.pricing().currency();
    }

    private static String categoryOf(Event event, int seat) {
        return event.layout() == null ? null : event.layout().categoryOf(seat);
    }
}
