package org.boxoffice.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.boxoffice.domain.Booking;
import org.boxoffice.domain.BookingId;
import org.boxoffice.domain.BookingLimits;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.RefundPolicy;
import org.boxoffice.domain.SeatSelection;
import org.boxoffice.store.memory.InMemoryTicketStore;

/**
 * What the in-memory store keeps: heap used after a full GC with a 1,000,000-seat event and no
 * bookings, then with N one-seat bookings, reported per seat and per booking.
 */
public final class RetainedMemory {

    public static void main(String[] args) {
        int bookings = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int seats = 1_000_000;
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        BookingLimits limits = new BookingLimits(seats, 50, Integer.MAX_VALUE, Integer.MAX_VALUE);

        // A first store, event and booking load the classes and the lambda machinery they use, so
        // that those one-time costs are not counted as the event's.
        InMemoryTicketStore warmUp = MemoryStores.create().tickets();
        Event first = new Event(EventId.random(), "Warm-up", "Hall", now.plus(Duration.ofDays(30)), 10, now, "org",
                null, null, RefundPolicy.DEFAULT, null);
        warmUp.addEvent(first, Integer.MAX_VALUE);
        warmUp.addBooking(Booking.confirmed(BookingId.random(), first.id(), "customer",
                SeatSelection.of(List.of(1), 10, limits), now), Integer.MAX_VALUE);

        long empty = usedAfterGc();
        MemoryStores stores = MemoryStores.create();
        InMemoryTicketStore store = stores.tickets();
        Event event = new Event(EventId.random(), "Memory", "Hall", now.plus(Duration.ofDays(30)), seats, now, "org",
                null, null, RefundPolicy.DEFAULT, null);
        store.addEvent(event, Integer.MAX_VALUE);
        long withEvent = usedAfterGc();
        for (int seat = 1; seat <= bookings; seat++) {
            store.addBooking(Booking.confirmed(BookingId.random(), event.id(), "customer-" + (seat % 1000),
                    SeatSelection.of(List.of(seat), seats, limits), now.plusNanos(seat * 1000L)), Integer.MAX_VALUE);
        }
        // The service's dispatcher hands notifications out within seconds, and then the store keeps none.
        stores.drainOutbox(now);
        long withBookings = usedAfterGc();

        System.out.printf("event of %,d seats: %,d bytes (%.2f bits per seat)%n", seats, withEvent - empty,
                8.0 * (withEvent - empty) / seats);
        System.out.printf("%,d bookings: %,d bytes (%.0f bytes per booking)%n", bookings, withBookings - withEvent,
                (double) (withBookings - withEvent) / bookings);
        if (store.findEvent(event.id()).isEmpty() || warmUp.findEvent(first.id()).isEmpty()) {
            throw new IllegalStateException("keep the store reachable until here");
        }
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
