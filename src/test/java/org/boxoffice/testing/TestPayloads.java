package org.boxoffice.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.boxoffice.api.NotificationPayloads;
import org.boxoffice.domain.Notices;

/** The service's own rendering of notification data, for stores made outside the service. */
public final class TestPayloads {

    private TestPayloads() {
    }

    /** As the service configures its JSON mapper: times as ISO-8601 strings. */
    public static Notices.Payloads json() {
        return new NotificationPayloads(new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
    }
}
