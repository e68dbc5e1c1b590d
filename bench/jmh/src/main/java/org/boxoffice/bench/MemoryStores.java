package org.boxoffice.bench;

import java.time.Duration;
import java.time.Instant;
import org.boxoffice.domain.Booking;
import org.boxoffice.domain.CheckIn;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.Hold;
import org.boxoffice.domain.Notices;
import org.boxoffice.domain.Refund;
import org.boxoffice.domain.WaitingList;
import org.boxoffice.domain.WaitlistEntry;
import org.boxoffice.store.memory.InMemoryOutbox;
import org.boxoffice.store.memory.InMemoryTicketStore;
import org.boxoffice.store.memory.InMemoryWebhookStore;

/**
 * The in-memory stores as the service wires them: the ticket store writes each change's notification
 * to the outbox, which the webhook store drains. No webhook is subscribed here, so no notification data
 * is ever rendered; a bare JSON object stands in for it.
 */
record MemoryStores(InMemoryTicketStore tickets, InMemoryWebhookStore webhooks) {

    static MemoryStores create() {
        InMemoryOutbox outbox = new InMemoryOutbox();
        return new MemoryStores(new InMemoryTicketStore(new BarePayloads(), outbox,
                new WaitingList(Duration.ofMinutes(15))), new InMemoryWebhookStore(outbox));
    }

    /** Hands out every waiting notification, as the service's dispatcher does every few seconds. */
    void drainOutbox(Instant now) {
        while (webhooks.fanOut(now, 10_000) > 0) {
            // keep going until the outbox is empty
        }
    }

    private static final class BarePayloads implements Notices.Payloads {

        @Override
        public String event(Event event) {
            return "{\"event_id\":\"" + event.id() + "\"}";
        }

        @Override
        public String hold(Event event, Hold hold, Instant now) {
            return "{\"hold_id\":\"" + hold.id() + "\"}";
        }

        @Override
        public String booking(Event event, Booking booking, Refund refund) {
            return "{\"booking_id\":\"" + booking.id() + "\"}";
        }

        @Override
        public String waitlistEntry(Event event, WaitlistEntry entry) {
            return "{\"entry_id\":\"" + entry.id() + "\"}";
        }

        @Override
        public String checkIn(Event event, CheckIn checkIn) {
            return "{\"ticket_id\":\"" + checkIn.ticket().id() + "\"}";
        }
    }
}
