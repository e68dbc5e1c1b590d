package org.boxoffice.domain;

/** The operator's bounds on what one request may ask for. */
public record BookingLimits(int maxSeatsPerEvent, int maxSeatsPerRequest) {

    public BookingLimits {
        if (maxSeatsPerEvent < 1 || maxSeatsPerRequest < 1) {
            throw new IllegalArgumentException("limits must be positive: max seats per event "
                    + maxSeatsPerEvent + ", per request " + maxSeatsPerRequest);
        }
    }
}
