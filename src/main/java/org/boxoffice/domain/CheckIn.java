package org.boxoffice.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a ticket stands at the door: checked in (inside) or checked out, since {@code at}, through
 * {@code gate}. A ticket is checked in at most once per entry: a second entry while it is inside is refused
 * with the first one's time and gate, and so is an exit while it is not inside.
 */
public record CheckIn(Ticket ticket, Status status, Instant at, String gate) {

    /** Longest gate name accepted. */
    public static final int MAX_GATE_LENGTH = 100;

    public CheckIn {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(gate, "gate");
    }

    /** Which way a scan goes. */
    public enum Direction {
        ENTRY,
        EXIT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where the ticket stands after a scan. */
    public enum Status {
        CHECKED_IN,
        CHECKED_OUT;

        /** {@code checked-in}, {@code checked-out}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Status ofWireName(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public boolean isInside() {
        return status == Status.CHECKED_IN;
    }

    /**
     * The ticket's standing after a scan at {@code at} through {@code gate}.
     *
     * @param current where it stood, or null if it was never scanned
     * @throws AlreadyCheckedInException on an entry while it is inside
     * @throws NotCheckedInException on an exit while it is not
     */
    public static CheckIn scan(CheckIn current, Ticket ticket, Direction direction, Instant at, String gate) {
        boolean inside = current != null && current.isInside();
        if (direction == Direction.ENTRY && inside) {
            throw new AlreadyCheckedInException(current);
        }
        if (direction == Direction.EXIT && !inside) {
            throw new NotCheckedInException(ticket.id());
        }
        return new CheckIn(ticket, direction == Direction.ENTRY ? Status.CHECKED_IN : Status.CHECKED_OUT, at, gate);
    }

    /** Refuses a blank or over-long gate name; answers it stripped. */
    public static String checkGate(String gate) {
        if (gate == null || gate.isBlank()) {
            throw new InvalidRequestException("gate", "must not be blank");
        }
        if (gate.length() > MAX_GATE_LENGTH) {
            throw new InvalidRequestException("gate", "must be at most " + MAX_GATE_LENGTH + " characters");
        }
        return gate.strip();
    }
}
