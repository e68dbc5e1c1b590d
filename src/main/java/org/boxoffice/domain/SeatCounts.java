package org.boxoffice.domain;

/**
 * How an event's seats divide at one instant. The constructor refuses counts that do not add up,
 * so a store bug surfaces as an error instead of a wrong answer to a client.
 */
public record SeatCounts(int totalSeats, int bookedSeats, int heldSeats, int availableSeats) {

    public SeatCounts {
        if (bookedSeats < 0 || heldSeats < 0 || availableSeats < 0
                || (long) bookedSeats + heldSeats + availableSeats != totalSeats) {
            throw new IllegalStateException("seat counts do not add up: total " + totalSeats + ", booked "
                    + bookedSeats + ", held " + heldSeats + ", available " + availableSeats);
        }
    }

    public static SeatCounts of(int totalSeats, int bookedSeats, int heldSeats) {
        return new SeatCounts(totalSeats, bookedSeats, heldSeats, totalSeats - bookedSeats - heldSeats);
    }
}
