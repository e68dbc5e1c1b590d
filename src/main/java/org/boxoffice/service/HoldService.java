package org.boxoffice.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Hold;
import org.boxoffice.domain.HoldId;
import org.boxoffice.domain.SeatChoice;
import org.boxoffice.domain.SeatSelection;
import org.boxoffice.domain.TicketStore;
import org.boxoffice.domain.UnknownIdException;

/** Use cases of holds: set seats aside for {@code boxoffice.hold.ttl}, read a hold, release it. */
@ApplicationScoped
public class HoldService {

    private final TicketStore store;
    private final Clock clock;
    private final BoxOfficeConfig config;

    public HoldService(TicketStore store, Clock clock, BoxOfficeConfig config) {
        this.store = store;
        this.clock = clock;
        this.config = config;
    }

    /** Holds exactly these seats, all or none. */
    public Hold holdSeats(EventId eventId, List<Integer> seats) {
        Event event = event(eventId);
        return place(event, new SeatChoice.Explicit(SeatSelection.of(seats, event.totalSeats(), config.limits())));
    }

    /** Holds the best {@code quantity} seats still free. */
    public Hold holdBestAvailable(EventId eventId, int quantity) {
        Event event = event(eventId);
        return place(event, SeatChoice.bestOf(quantity, config.limits()));
    }

    public Optional<Hold> find(HoldId id) {
        return store.findHold(id);
    }

    /** Releases the hold; its seats are free at once. */
    public Hold release(HoldId id) {
        return store.releaseHold(id, clock.instant());
    }

    private Hold place(Event event, SeatChoice choice) {
        return store.placeHold(HoldId.random(), event, choice, clock.instant(), config.hold().ttl());
    }

    private Event event(EventId id) {
        return store.findEvent(id).orElseThrow(() -> UnknownIdException.event(id));
    }
}
