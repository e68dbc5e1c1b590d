package org.boxoffice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Layout;
import org.boxoffice.domain.SeatPrices;
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

    /** One seat's place, and its price when the event has prices. */
    @Schema(name = "Place")
    public record Place(@Schema(examples = "23") int seat, @Schema(examples = "Stalls") String section,
            @Schema(examples = "B") String row,
            @Schema(description = "The seat's number within its row", examples = "3") int number,
            @Schema(description = "What the seat cost, in minor units; absent for a free event", examples = "12000")
            @JsonInclude(JsonInclude.Include.NON_NULL) Long price) {
    }

    /** The event's layout, or null when it has none (or is not there). */
    Layout layout(EventId event) {
        return events.find(event).map(Event::layout).orElse(null);
    }

    /** The place of one seat in the layout, without its price; null without a layout. */
    static Place of(Layout layout, int seat) {
        if (layout == null) {
            return null;
        }
        Layout.Place place = layout.place(seat);
        return new Place(place.seat(), place.section(), place.row(), place.number(), null);
    }

    /** The places of these seats in the layout, at these prices; null without a layout. */
    static List<Place> of(Layout layout, SeatSelection seats, SeatPrices prices) {
        if (layout == null) {
            return null;
        }
        int[] numbers = seats.seats();
        List<Place> places = new ArrayList<>(numbers.length);
        for (int i = 0; i < numbers.length; i++) {
            Layout.Place place = layout.place(numbers[i]);
            places.add(new Place(place.seat(), place.section(), place.row(), place.number(),
                    prices.isFree() ? null : prices.at(i)));
        }
        return places;
    }
}
