package org.boxoffice.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Something people buy seats for: what, where, when, and how many seats, numbered {@code 1..totalSeats}.
 *
 * @param organizer who created it (the caller's id), and so who manages it
 * @param layout the venue's sections and rows, whose seats number {@code 1..totalSeats} in layout
 *     order; null for an event whose seats are only numbers
 */
public record Event(EventId id, String name, String venue, Instant startsAt, int totalSeats, Instant createdAt,
        String organizer, Layout layout) {

    /** Longest name or venue accepted; generous, but bounded so one request cannot store megabytes of text. */
    public static final int MAX_TEXT_LENGTH = 200;

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(organizer, "organizer");
        if (totalSeats < 1) {
            throw new IllegalArgumentException("an event needs at least one seat");
        }
        if (layout != null && layout.totalSeats() != totalSeats) {
            throw new IllegalArgumentException("the layout has " + layout.totalSeats() + " seats, not " + totalSeats);
        }
    }

    /** An event whose seats are only numbers, without a layout. */
    public Event(EventId id, String name, String venue, Instant startsAt, int totalSeats, Instant createdAt,
            String organizer) {
        this(id, name, venue, startsAt, totalSeats, createdAt, organizer, null);
    }

    /**
     * Schedules a new event whose seats are only numbers, checking every rule a client can break and
     * reporting all that are broken.
     *
     * @param now the current instant, from the caller's clock: the event must start after it
     */
    public static Event schedule(EventId id, String organizer, String name, String venue, Instant startsAt,
            int totalSeats, BookingLimits limits, Instant now) {
        return schedule(id, organizer, name, venue, startsAt, totalSeats, null, limits, now);
    }

    /**
     * Schedules a new event, checking every rule a client can break and reporting all that are broken.
     * Its seats are {@code totalSeats} numbers, or the seats of {@code sections}, numbered in layout
     * order; given both, they must agree.
     *
     * @param totalSeats null when the layout gives it
     * @param sections null for an event without a layout
     * @param now the current instant, from the caller's clock: the event must start after it
     */
    public static Event schedule(EventId id, String organizer, String name, String venue, Instant startsAt,
            Integer totalSeats, List<Layout.Section> sections, BookingLimits limits, Instant now) {
        List<Violation> violations = new ArrayList<>();
        checkText("name", name, violations);
        checkText("venue", venue, violations);
        if (!startsAt.isAfter(now)) {
            violations.add(new Violation("date_time", "must lie in the future"));
        }
        Layout layout = null;
        if (sections != null) {
            try {
                layout = Layout.of(sections, limits);
            } catch (InvalidRequestException broken) {
                violations.addAll(broken.violations());
            }
        }
        if (totalSeats == null && sections == null) {
            violations.add(new Violation("total_seats", "is required (or send a layout)"));
        } else if (totalSeats != null && (totalSeats < 1 || totalSeats > limits.maxSeatsPerEvent())) {
            violations.add(new Violation("total_seats", "must be a whole number from 1 to "
                    + limits.maxSeatsPerEvent()));
        } else if (totalSeats != null && layout != null && totalSeats != layout.totalSeats()) {
            violations.add(new Violation("total_seats", "must equal the layout's " + layout.totalSeats()
                    + " seats, or be left out"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new Event(id, name.strip(), venue.strip(), startsAt, layout != null ? layout.totalSeats() : totalSeats,
                now, organizer, layout);
    }

    private static void checkText(String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "must not be blank"));
        } else if (value.length() > MAX_TEXT_LENGTH) {
            violations.add(new Violation(field, "must be at most " + MAX_TEXT_LENGTH + " characters"));
        }
    }
}
