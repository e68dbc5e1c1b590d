package org.boxoffice.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Layout;
import org.boxoffice.domain.SeatSelection;
import org.boxoffice.service.EventService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where the seats of a hold or booking are, for its answer: section, row and number in the row, read
 * from the event's layout. None for an event without a layout, whose seats are only numbers.
 */
@ApplicationScoped
public class Places {

    private final EventService events;

    public Places(EventService events) {
        this.events = events;
    }

    /** One seat's place. */
    @Schema(name = "Place")
    public record Place(@Schema(examples = "23") int seat, @Schema(examples = "Stalls") String section,
            @Schema(examples = "B") String row, @Schema(description = "The seat's number within its row", examples = "3")
            int number) {
    }

    /** The places of these seats of the event, or null when the event has no layout. */
    List<Place> of(EventId event, SeatSelection seats) {
        Layout layout = events.find(event).map(Event::layout).orElse(null);
        if (layout == null) {
            return null;
        }
        return Arrays.stream(seats.seats()).mapToObj(layout::place)
                .map(place -> new Place(place.seat(), place.section(), place.row(), place.number())).toList();
    }
}
