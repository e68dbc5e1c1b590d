package org.boxoffice.api;

import java.time.Instant;
import java.util.UUID;
import org.boxoffice.domain.Event;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event as clients see it; {@code event_id} as in the seed. */
@Schema(name = "Event")
@RegisterForReflection
public record EventResponse(UUID eventId, String name, Instant dateTime, String venue, int totalSeats,
        Instant createdAt) {

    static EventResponse of(Event event) {
        return new EventResponse(event.id().value(), event.name(), event.startsAt(), event.venue(),
                event.totalSeats(), event.createdAt());
    }
}
