package org.boxoffice.cli;

import jakarta.enterprise.context.Dependent;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.boxoffice.domain.Booking;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.SeatCounts;
import org.boxoffice.domain.SeatsUnavailableException;
import org.boxoffice.security.Caller;
import org.boxoffice.service.BookingService;
import org.boxoffice.service.EventService;

/**
 * The seed's {@code python app.py test}: create an event, check its seats, book, try to book a taken
 * seat, check again, printing each step. Exits 1 if any step does not behave as the rules say.
 */
@Dependent
public class DemoCommand {

    static final String NAME = "demo";

    private final EventService events;
    private final BookingService bookings;
    private final Clock clock;
    private final PrintStream out = System.out;

    public DemoCommand(EventService events, BookingService bookings, Clock clock) {
        this.events = events;
        this.bookings = bookings;
        this.clock = clock;
    }

    int run() {
        out.println("Box Office demo: the seed's test scenario, run in-process (no HTTP)");
        out.println();

        Instant startsAt = clock.instant().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS);
        out.println("1. Create an event: Summer Concert, Central Park, " + startsAt + ", 500 seats");
        Event event = events.create(Caller.ANONYMOUS,
                new Event.Plan("Summer Concert", "Central Park", startsAt, 500, null, null, null));
        out.println("   -> event_id " + event.id());

        out.println("2. Check seats");
        SeatCounts before = printCounts(event);

        List<Integer> seats = List.of(1, 2, 3, 4, 5);
        out.println("3. Book seats " + seats);
        Booking booking = bookings.book(Caller.ANONYMOUS, event.id(), seats);
        out.println("   -> booking_id " + booking.id() + ", status " + booking.status().wireName());

        List<Integer> overlapping = List.of(5, 6);
        out.println("4. Try to book seats " + overlapping + " (seat 5 is taken)");
        boolean refused;
        try {
            bookings.book(Caller.ANONYMOUS, event.id(), overlapping);
            out.println("   -> booked: WRONG, seat 5 is now sold twice");
            refused = false;
        } catch (SeatsUnavailableException e) {
            out.println("   -> refused, nothing booked; unavailable seats: "
                    + Arrays.toString(e.unavailableSeats()));
            refused = true;
        }

        out.println("5. Check seats again");
        SeatCounts after = printCounts(event);

        boolean consistent = refused && before.availableSeats() == 500 && after.bookedSeats() == seats.size()
                && after.availableSeats() == 500 - seats.size();
        out.println();
        out.println(consistent
                ? "Demo finished: " + after.bookedSeats() + " seats booked, none twice."
                : "Demo FAILED: the counts or the refusal are not what the rules require.");
        return consistent ? 0 : 1;
    }

    private SeatCounts printCounts(Event event) {
        SeatCounts counts = events.seatCounts(event.id()).orElseThrow();
        out.println("   -> total_seats " + counts.totalSeats() + ", booked_seats " + counts.bookedSeats()
                + ", held_seats " + counts.heldSeats() + ", available_seats " + counts.availableSeats());
        return counts;
    }
}
