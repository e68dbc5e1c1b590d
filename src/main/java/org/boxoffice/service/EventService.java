package org.boxoffice.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.EventFilter;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.UnknownIdException;
import org.boxoffice.domain.SalesReport;
import org.boxoffice.domain.Page;
import org.boxoffice.domain.PageRequest;
import org.boxoffice.domain.SeatCounts;
import org.boxoffice.domain.SeatPlan;
import org.boxoffice.domain.SeatRange;
import org.boxoffice.domain.TicketStore;
import org.boxoffice.security.Caller;
import org.boxoffice.security.Role;

/** Use cases of events: schedule one, read and list them, and see how their seats stand now. */
@ApplicationScoped
public class EventService {

    private final TicketStore store;
    private final Clock clock;
    private final BoxOfficeConfig config;

    public EventService(TicketStore store, Clock clock, BoxOfficeConfig config) {
        this.store = store;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Schedules an event organized by the caller, or throws
     * {@link org.boxoffice.domain.InvalidRequestException} and changes nothing. Organizers and admins only.
     */
    public Event create(Caller caller, Event.Plan plan) {
        caller.requireAny(Role.ORGANIZER, Role.ADMIN);
        Event event = Event.schedule(EventId.random(), caller.id(), plan, config.limits(), clock.instant());
        store.addEvent(event, config.perCaller(config.maxEventsPerOrganizer()));
        return event;
    }

    /**
     * Cancels the event: no new holds or bookings, live holds released, every booking refunded in full.
     * Its organizer and admins only; cancelling again answers the same.
     *
     * @throws UnknownIdException if there is no such event
     */
    public Event cancel(Caller caller, EventId id) {
        Event event = store.findEvent(id).orElseThrow(() -> UnknownIdException.event(id));
        caller.requireManagerOf(event.organizer());
        return store.cancelEvent(id, clock.instant());
    }

    /** The event's sales now. Its organizer and admins only. */
    public Optional<SalesReport> report(Caller caller, EventId id) {
        Optional<Event> event = store.findEvent(id);
        if (event.isEmpty()) {
            return Optional.empty();
        }
        caller.requireManagerOf(event.get().organizer());
        return store.salesReport(id, clock.instant());
    }

    public Optional<Event> find(EventId id) {
        return store.findEvent(id);
    }

    public Page<Event> list(EventFilter filter, PageRequest page) {
        return store.listEvents(filter, page);
    }

    public Optional<SeatCounts> seatCounts(EventId id) {
        return store.seatCounts(id, clock.instant());
    }

    /** The event's seats now, row by row: what a seat-map page draws. */
    public Optional<SeatPlan> seatPlan(EventId id) {
        return store.seatPlan(id, clock.instant());
    }

    public Optional<List<SeatRange>> availableSeats(EventId id) {
        return store.availableSeats(id, clock.instant());
    }
}
