package org.boxoffice.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.boxoffice.domain.Booking;
import org.boxoffice.domain.CheckIn;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.Hold;
import org.boxoffice.domain.Notices;
import org.boxoffice.domain.Refund;
import org.boxoffice.domain.WaitlistEntry;

/**
 * A notification's data is the changed object exactly as the API answers with it: the same response
 * records, written by the same JSON mapper. The event is at hand, so its layout is not looked up again.
 */
@ApplicationScoped
public class NotificationPayloads implements Notices.Payloads {

    private final ObjectMapper json;

    public NotificationPayloads(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String event(Event event) {
        return write(EventResponse.of(event));
    }

    @Override
    public String hold(Event event, Hold hold, Instant now) {
        return write(HoldResponse.of(hold, now, event.layout()));
    }

    @Override
    public String booking(Event event, Booking booking, Refund refund) {
        return write(BookingResponse.of(booking, event.layout(), refund));
    }

    @Override
    public String waitlistEntry(Event event, WaitlistEntry entry) {
        return write(WaitlistEntryResponse.of(entry, entry.createdAt()));
    }

    @Override
    public String checkIn(Event event, CheckIn checkIn) {
        return write(CheckInResponse.of(checkIn, event.layout()));
    }

    private String write(Object response) {
        try {
            return json.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
