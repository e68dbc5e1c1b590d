package org.boxoffice.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Hold;
import org.boxoffice.domain.HoldId;
import org.boxoffice.domain.HoldRequest;
import org.boxoffice.domain.SeatChoice;
import org.boxoffice.domain.SeatScope;
import org.boxoffice.domain.SeatSelection;
import org.boxoffice.domain.TicketStore;
import org.boxoffice.domain.UnknownIdException;
import org.boxoffice.security.Caller;
import org.boxoffice.security.Role;

/** Use cases of holds: set seats aside for {@code boxoffice.hold.ttl}, read a hold, release it. */
@ApplicationScoped
public class HoldService {

    private final TicketStore store;
    private final Clock clock;
    private final BoxOfficeConfig config;
    private final TicketMetrics metrics;

    public HoldService(TicketStore store, Clock clock, BoxOfficeConfig config, TicketMetrics metrics) {
        this.store = store;
        this.clock = clock;
        this.config = config;
        this.metrics = metrics;
    }

    /** Holds exactly these seats for the caller, all or none. Customers only. */
    public Hold holdSeats(Caller caller, EventId eventId, List<Integer> seats) {
        return metrics.count("holds", "held", () -> {
            caller.requireAny(Role.CUSTOMER);
            Event event = event(eventId);
            return place(caller, event,
                    new SeatChoice.Explicit(SeatSelection.of(seats, event.totalSeats(), config.limits())));
        });
    }

    /**
     * Holds the best {@code quantity} seats of the scope still free for the caller ({@link
     * org.boxoffice.domain.BestAvailable}). Customers only.
     */
    public Hold holdBestAvailable(Caller caller, EventId eventId, int quantity, SeatScope scope) {
        return metrics.count("holds", "held", () -> {
            caller.requireAny(Role.CUSTOMER);
            Event event = event(eventId);
            scope.checkFor(event);
            return place(caller, event, SeatChoice.bestOf(quantity, scope, config.limits()));
        });
    }

    /** The hold, if the caller may see it: someone else's hold is as unknown as a missing one. */
    public Optional<Hold> find(Caller caller, HoldId id) {
        return store.findHold(id).filter(hold -> caller.maySee(hold.customer()));
    }

    /** Releases the caller's hold; its seats are free at once. */
    public Hold release(Caller caller, HoldId id) {
        return metrics.count("releases", "released", () -> {
            find(caller, id).orElseThrow(() -> UnknownIdException.hold(id));
            return store.releaseHold(id, clock.instant());
        });
    }

    private Hold place(Caller caller, Event event, SeatChoice choice) {
        return store.placeHold(new HoldRequest(HoldId.random(), event, caller.id(), choice, config.hold().ttl(),
                config.maxHeldSeatsPerCustomer(), config.perCaller(config.maxSeatsPerCustomer())), clock.instant());
    }

    private Event event(EventId id) {
        return store.findEvent(id).orElseThrow(() -> UnknownIdException.event(id));
    }
}
