package org.boxoffice.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Something people buy seats for: what, where, when, and how many seats, numbered {@code 1..totalSeats}.
 *
 * @param organizer who created it (the caller's id), and so who manages it
 * @param layout the venue's sections and rows, whose seats number {@code 1..totalSeats} in layout
 *     order; null for an event whose seats are only numbers
 * @param pricing what its seats cost; null for a free event
 * @param refundPolicy what a cancellation gives back, by how long before the start it comes
 * @param cancelledAt when the organizer cancelled it, or null while it is on
 */
public record Event(EventId id, String name, String venue, Instant startsAt, int totalSeats, Instant createdAt,
        String organizer, Layout layout, Pricing pricing, RefundPolicy refundPolicy, Instant cancelledAt) {

    /** Longest name or venue accepted; generous, but bounded so one request cannot store megabytes of text. */
    public static final int MAX_TEXT_LENGTH = 200;

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(organizer, "organizer");
        Objects.requireNonNull(refundPolicy, "refundPolicy");
        if (totalSeats < 1) {
            throw new IllegalArgumentException("an event needs at least one seat");
        }
        if (layout != null && layout.totalSeats() != totalSeats) {
            throw new IllegalArgumentException("the layout has " + layout.totalSeats() + " seats, not " + totalSeats);
        }
    }

    /** What an organizer asks for when creating an event: everything {@link #schedule} checks. */
    public record Plan(String name, String venue, Instant startsAt, Integer totalSeats, List<Layout.Section> layout,
            PricingPlan pricing, List<RefundPolicy.Tier> refundPolicy) {
    }

    /** Prices as asked for, before they are checked against the currency and the layout. */
    public record PricingPlan(String currency, Long defaultPrice, Map<String, Long> categories) {
    }

    public boolean isCancelled() {
        return cancelledAt != null;
    }

    /**
     * Refuses anything new for a cancelled event.
     *
     * @throws EventCancelledException if it was cancelled
     */
    public void checkOnSale() {
        if (isCancelled()) {
            throw new EventCancelledException(id);
        }
    }

    /** This event cancelled at {@code now}; one cancelled already stays as it is. */
    public Event cancelled(Instant now) {
        return isCancelled() ? this
                : new Event(id, name, venue, startsAt, totalSeats, createdAt, organizer, layout, pricing, refundPolicy, now);
    }

    /** The percentage of the price a cancellation of a booking at {@code now} gives back. */
    public int refundPercentAt(Instant now) {
        return refundPolicy.percentAt(startsAt, now);
    }

    /**
     * A customer's cancellation of some seats of a booking of this event, or all its live ones, refunded by
     * the refund policy at {@code now} ({@link Booking#cancel}: a repeated one answers the first refund).
     */
    public Booking.Cancellation cancelBooking(Booking booking, Optional<SeatSelection> seats, Instant now) {
        if (!id.equals(booking.eventId())) {
            throw new IllegalArgumentException("booking " + booking.id() + " is not of event " + id);
        }
        return booking.cancel(seats, refundPercentAt(now), now);
    }

    /**
     * The organizer's cancellation of this event at {@code at}, given its holds, bookings and waiting-list
     * entries: what it releases, refunds and withdraws ({@link EventCancellation}).
     *
     * @throws IllegalStateException if it was cancelled already
     */
    public EventCancellation cancel(Instant at, Collection<Hold> holds, Collection<Booking> bookings,
            Collection<WaitlistEntry> waitlist) {
        return EventCancellation.of(this, at, holds, bookings, waitlist);
    }

    /**
     * Schedules a new event, checking every rule a client can break and reporting all that are broken.
     * Its seats are {@code totalSeats} numbers, or the seats of the layout, numbered in layout order;
     * given both, they must agree. Without pricing it is free; without a refund policy, cancellations
     * are refunded in full until it starts.
     *
     * @param now the current instant, from the caller's clock: the event must start after it
     */
    public static Event schedule(EventId id, String organizer, Plan plan, BookingLimits limits, Instant now) {
        List<Violation> violations = new ArrayList<>();
        checkText("name", plan.name(), violations);
        checkText("venue", plan.venue(), violations);
        if (!plan.startsAt().isAfter(now)) {
            violations.add(new Violation("startsAt", "must lie in the future"));
        }
        Layout layout = null;
        if (plan.layout() != null) {
            layout = collect(() -> Layout.of(plan.layout(), limits), violations);
        }
        Integer totalSeats = plan.totalSeats();
        if (totalSeats == null && plan.layout() == null) {
            violations.add(new Violation("totalSeats", "is required (or send a layout)"));
        } else if (totalSeats != null && (totalSeats < 1 || totalSeats > limits.maxSeatsPerEvent())) {
            violations.add(new Violation("totalSeats", "must be a whole number from 1 to "
                    + limits.maxSeatsPerEvent()));
        } else if (totalSeats != null && layout != null && totalSeats != layout.totalSeats()) {
            violations.add(new Violation("totalSeats", "must equal the layout's " + layout.totalSeats()
                    + " seats, or be left out"));
        }
        Pricing pricing = null;
        if (plan.pricing() != null && (plan.layout() == null || layout != null)) {
            Layout laidOut = layout;
            pricing = collect(() -> Pricing.of(plan.pricing().currency(), plan.pricing().defaultPrice(),
                    plan.pricing().categories(), laidOut), violations);
        }
        RefundPolicy policy = plan.refundPolicy() == null ? RefundPolicy.DEFAULT
                : collect(() -> RefundPolicy.of(plan.refundPolicy()), violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new Event(id, plan.name().strip(), plan.venue().strip(), plan.startsAt(),
                layout != null ? layout.totalSeats() : totalSeats, now, organizer, layout, pricing, policy, null);
    }

    /** What {@code check} makes, or null with its violations added to the others. */
    private static <T> T collect(Supplier<T> check, List<Violation> violations) {
        try {
            return check.get();
        } catch (InvalidRequestException broken) {
            violations.addAll(broken.violations());
            return null;
        }
    }

    private static void checkText(String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "must not be blank"));
        } else if (value.length() > MAX_TEXT_LENGTH) {
            violations.add(new Violation(field, "must be at most " + MAX_TEXT_LENGTH + " characters"));
        }
    }
}
