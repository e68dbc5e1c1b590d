package org.boxoffice.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import org.boxoffice.domain.EntryId;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Page;
import org.boxoffice.domain.PageRequest;
import org.boxoffice.domain.TicketStore;
import org.boxoffice.domain.UnknownIdException;
import org.boxoffice.domain.WaitingList;
import org.boxoffice.domain.WaitlistEntry;
import org.boxoffice.security.Caller;
import org.boxoffice.security.Role;

/**
 * Use cases of waiting lists: a customer joins a sold-out event's list, sees where they stand, leaves; the
 * event's organizer lists it. Offers are the stores' ({@link TicketStore#offerFreedSeats}), made when seats
 * come free.
 */
@ApplicationScoped
public class WaitlistService {

    private final TicketStore store;
    private final Clock clock;
    private final BoxOfficeConfig config;
    private final TicketMetrics metrics;

    public WaitlistService(TicketStore store, Clock clock, BoxOfficeConfig config, TicketMetrics metrics) {
        this.store = store;
        this.clock = clock;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Puts the caller on the event's waiting list for {@code quantity} seats. Customers only.
     *
     * @throws org.boxoffice.domain.SeatsAvailableException if that many seats are free: book instead
     */
    public WaitlistEntry join(Caller caller, EventId eventId, Integer quantity) {
        return metrics.count("waitlist_joins", "joined", () -> {
            caller.requireAny(Role.CUSTOMER);
            Event event = event(eventId);
            int max = config.maxWaitlistQuantity();
            WaitingList.checkQuantity(quantity == null ? 0 : quantity, max);
            return store.joinWaitlist(EntryId.random(), event, caller.id(), quantity, max, clock.instant());
        });
    }

    /** The entry, if it is of this event and the caller may see it: its customer, the event's organizer, an admin. */
    public Optional<WaitlistEntry> find(Caller caller, EventId eventId, EntryId id) {
        return store.findWaitlistEntry(id).filter(entry -> entry.eventId().equals(eventId))
                .filter(entry -> caller.maySee(entry.customer()) || caller.mayManage(event(eventId).organizer()));
    }

    /** Takes the entry off the list; a live offer's seats go to the next. */
    public WaitlistEntry leave(Caller caller, EventId eventId, EntryId id) {
        find(caller, eventId, id).orElseThrow(() -> UnknownIdException.entry(id));
        return store.leaveWaitlist(id, clock.instant());
    }

    /** The event's entries in the order they are served. Its organizer and admins only. */
    public Page<WaitlistEntry> list(Caller caller, EventId eventId, PageRequest page) {
        caller.requireManagerOf(event(eventId).organizer());
        return store.listWaitlist(eventId, page);
    }

    private Event event(EventId id) {
        return store.findEvent(id).orElseThrow(() -> UnknownIdException.event(id));
    }
}
