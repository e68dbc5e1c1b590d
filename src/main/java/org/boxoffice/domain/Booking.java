package org.boxoffice.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Seats of one event that belong to one customer, at the prices of the moment it was made. Seats may be
 * cancelled all at once or some at a time; each cancellation refunds those seats once, by the event's
 * refund policy. A booking is cancelled when all its seats are.
 *
 * @param holdId the hold it was confirmed from, or {@code null} when booked directly
 * @param cancelledAt when its last seats were cancelled, or {@code null} while any seat is live
 * @param customer who booked (the caller's id); only they (or an admin) may see or cancel it
 * @param prices what each seat cost, fixed when the booking (or its hold) was made
 * @param refunds every cancellation of its seats, oldest first
 * @param paymentReference what the integrator recorded as paying for it, or null
 */
public record Booking(BookingId id, EventId eventId, SeatSelection seats, BookingStatus status, Instant createdAt,
        HoldId holdId, Instant cancelledAt, String customer, SeatPrices prices, List<Refund> refunds,
        String paymentReference) {

    /** Longest payment reference accepted. */
    public static final int MAX_PAYMENT_REFERENCE = 200;

    public Booking {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(seats, "seats");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(prices, "prices");
        refunds = List.copyOf(refunds);
        if (prices.size() != seats.size()) {
            throw new IllegalArgumentException("a booking has a price per seat");
        }
        if ((status == BookingStatus.CANCELLED) != (cancelledAt != null)) {
            throw new IllegalArgumentException("a booking has a cancellation time exactly when it is cancelled");
        }
        if ((status == BookingStatus.CANCELLED) != (refundedSeatCount(refunds) == seats.size())) {
            throw new IllegalArgumentException("a booking is cancelled exactly when all its seats are");
        }
    }

    /** What a cancellation did: the booking as it now stands, and the refund it made (or made before). */
    public record Cancellation(Booking booking, Refund refund) {
    }

    /** A booking of these seats of the event, at its prices now. */
    public static Booking confirmed(BookingId id, Event event, String customer, SeatSelection seats, Instant now) {
        return new Booking(id, event.id(), seats, BookingStatus.CONFIRMED, now, null, null, customer,
                SeatPrices.of(event, seats), List.of(), null);
    }

    /**
     * The booking a live hold turns into: the hold's seats at the hold's prices, confirmed now.
     *
     * @param paymentReference what paid for it, or null
     * @throws HoldNotActiveException if the hold expired, was released or was confirmed already
     */
    public static Booking fromHold(BookingId id, Hold hold, Instant now, String paymentReference) {
        HoldStatus status = hold.statusAt(now);
        if (status != HoldStatus.HELD) {
            throw new HoldNotActiveException(hold.id(), status);
        }
        return new Booking(id, hold.eventId(), hold.seats(), BookingStatus.CONFIRMED, now, hold.id(), null,
                hold.customer(), hold.prices(), List.of(), paymentReference);
    }

    /** Refuses a payment reference longer than {@link #MAX_PAYMENT_REFERENCE}; a blank one is none. */
    public static String checkPaymentReference(String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        if (reference.length() > MAX_PAYMENT_REFERENCE) {
            throw new InvalidRequestException("paymentReference", "must be at most " + MAX_PAYMENT_REFERENCE
                    + " characters");
        }
        return reference.strip();
    }

    public boolean isCancelled() {
        return status == BookingStatus.CANCELLED;
    }

    /** What was paid for all the seats, live or cancelled. */
    public Money total() {
        return prices.total();
    }

    /** What all refunds gave back. */
    public Money refunded() {
        Money sum = Money.zero(prices.currency());
        for (Refund refund : refunds) {
            sum = sum.plus(refund.amount());
        }
        return sum;
    }

    /** The seats cancelled so far, ascending; empty while none is. */
    public int[] cancelledSeats() {
        return refunds.stream().flatMapToInt(refund -> refund.seats().stream()).sorted().toArray();
    }

    /** The seats not cancelled, ascending; empty once cancelled. */
    public int[] liveSeats() {
        int[] cancelled = cancelledSeats();
        return seats.stream().filter(seat -> Arrays.binarySearch(cancelled, seat) < 0).toArray();
    }

    /** Whether the seat is one of this booking's and not cancelled. */
    public boolean isLive(int seat) {
        return seats.contains(seat) && Arrays.binarySearch(cancelledSeats(), seat) < 0;
    }

    /** What the seats not cancelled cost: the part of the booking that still stands. */
    public Money liveTotal() {
        int[] live = liveSeats();
        return live.length == 0 ? Money.zero(prices.currency())
                : prices.totalOf(seats, SeatSelection.ofAscending(live));
    }

    /**
     * Cancels some seats, or all that are live, refunding {@code percent} of what they cost. Cancelling all
     * again, or the same seats again, changes nothing and answers the refund made the first time, never a
     * second one.
     *
     * @param which the seats to cancel, or empty for every live seat
     * @throws InvalidRequestException if a seat named is not a seat of this booking
     * @throws SeatsAlreadyCancelledException if some seats named were cancelled already (and others not, or
     *     in another cancellation)
     */
    public Cancellation cancel(Optional<SeatSelection> which, int percent, Instant now) {
        if (which.isEmpty() && isCancelled()) {
            return new Cancellation(this, refunds.get(refunds.size() - 1));
        }
        SeatSelection cancelling = which.orElseGet(() -> SeatSelection.ofAscending(liveSeats()));
        int[] strangers = cancelling.stream().filter(seat -> Arrays.binarySearch(seats.seats(), seat) < 0).toArray();
        if (strangers.length > 0) {
            throw new InvalidRequestException("seats", "must be seats of this booking; not: "
                    + Arrays.toString(strangers));
        }
        for (Refund earlier : refunds) {
            if (earlier.seats().equals(cancelling)) {
                return new Cancellation(this, earlier);
            }
        }
        int[] cancelled = cancelledSeats();
        int[] again = cancelling.stream().filter(seat -> Arrays.binarySearch(cancelled, seat) >= 0).toArray();
        if (again.length > 0) {
            throw new SeatsAlreadyCancelledException(again);
        }
        Refund refund = new Refund(cancelling, prices.totalOf(seats, cancelling).percent(percent), percent, now);
        List<Refund> all = new ArrayList<>(refunds);
        all.add(refund);
        boolean allCancelled = refundedSeatCount(all) == seats.size();
        return new Cancellation(new Booking(id, eventId, seats, allCancelled ? BookingStatus.CANCELLED : status,
                createdAt, holdId, allCancelled ? now : null, customer, prices, all, paymentReference), refund);
    }

    private static int refundedSeatCount(List<Refund> refunds) {
        return refunds.stream().mapToInt(refund -> refund.seats().size()).sum();
    }
}
