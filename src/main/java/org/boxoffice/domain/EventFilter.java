package org.boxoffice.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Which events a listing shows: at a venue (ignoring case), starting at or after {@code from}, before {@code to}. */
public record EventFilter(Optional<String> venue, Optional<Instant> from, Optional<Instant> to) {

    public static final EventFilter ALL = new EventFilter(Optional.empty(), Optional.empty(), Optional.empty());

    public EventFilter {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new InvalidRequestException("to", "must be later than from");
        }
    }

    public boolean matches(Event event) {
        return venue.map(v -> v.equalsIgnoreCase(event.venue())).orElse(true)
                && from.map(f -> !event.startsAt().isBefore(f)).orElse(true)
                && to.map(t -> event.startsAt().isBefore(t)).orElse(true);
    }
}
