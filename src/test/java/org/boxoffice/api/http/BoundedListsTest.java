package org.boxoffice.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.boxoffice.api.CreateBookingRequest;
import org.boxoffice.api.CreateEventRequest;
import org.junit.jupiter.api.Test;

class BoundedListsTest {

    /** The package is named, not imported; if the request records move, the bound must follow them. */
    @Test
    void theBoundAppliesWhereTheRequestRecordsLive() {
        assertThat(BoundedLists.REQUEST_PACKAGE).isEqualTo(CreateBookingRequest.class.getPackageName())
                .isEqualTo(CreateEventRequest.class.getPackageName());
    }
}
