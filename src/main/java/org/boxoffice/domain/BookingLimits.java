package org.boxoffice.domain;

/** The operator's bounds on what one request may ask for, a layout included. */
public record BookingLimits(int maxSeatsPerEvent, int maxSeatsPerRequest, int maxSectionsPerLayout,
        int maxRowsPerLayout) {

    public BookingLimits {
        if (maxSeatsPerEvent < 1 || maxSeatsPerRequest < 1 || maxSectionsPerLayout < 1 || maxRowsPerLayout < 1) {
            throw new IllegalArgumentException("limits must be positive: max seats per event "
                    + maxSeatsPerEvent + ", per request " + maxSeatsPerRequest + ", sections " + maxSectionsPerLayout
                    + ", rows " + maxRowsPerLayout);
        }
    }
}
