package org.boxoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.boxoffice.testing.Unbounded.NO_BOUND;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.boxoffice.testing.TestPayloads;
import org.junit.jupiter.api.Test;

/** What an event's cancellation releases, refunds and withdraws, and a booking's cancellation by the policy. */
class EventCancellationTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Instant STARTS = NOW.plus(Duration.ofDays(30));
    private static final BookingLimits LIMITS = new BookingLimits(1000, 50, NO_BOUND, NO_BOUND);
    private static final Notices NOTICES = new Notices(TestPayloads.json());

    /** 10 seats at 10.00 EUR; a cancellation refunds half until a week before, nothing later. */
    private final Event event = Event.schedule(EventId.random(), "org", new Event.Plan("Gala", "Opera", STARTS, 10,
            null, new Event.PricingPlan("EUR", 1000L, Map.of()), List.of(new RefundPolicy.Tier(Duration.ofDays(7), 50))),
            LIMITS, NOW);

    private SeatSelection seats(Integer... seats) {
        return SeatSelection.of(List.of(seats), event.totalSeats(), LIMITS);
    }

    private Booking booking(Integer... seats) {
        return Booking.confirmed(BookingId.random(), event, "ann", seats(seats), NOW);
    }

    private Hold hold(Instant expiresAt, Integer... seats) {
        return Hold.placed(HoldId.random(), event, "bob", seats(seats), NOW, expiresAt);
    }

    private WaitlistEntry waiting() {
        return WaitingList.join(EntryId.random(), event, "cat", 2, NOW, 1);
    }

    @Test
    void itReleasesTheLiveHoldsRefundsEveryLiveBookingInFullAndWithdrawsTheLiveEntries() {
        Instant at = NOW.plus(Duration.ofDays(25));
        Hold live = hold(at.plusSeconds(60), 1);
        Hold expired = hold(at, 2);
        Hold confirmed = hold(at.plusSeconds(60), 3).confirmedAs(BookingId.random());
        Booking partly = event.cancelBooking(booking(4, 5), Optional.of(seats(4)), NOW).booking();
        Booking cancelled = event.cancelBooking(booking(6), Optional.empty(), NOW).booking();
        WaitlistEntry waiting = waiting();
        WaitlistEntry offered = waiting().offered(live);
        WaitlistEntry left = waiting().leftAt(NOW);

        EventCancellation cancellation = event.cancel(at, List.of(live, expired, confirmed), List.of(partly, cancelled),
                List.of(waiting, offered, left));

        assertThat(cancellation.event().cancelledAt()).isEqualTo(at);
        assertThat(cancellation.released()).singleElement().satisfies(hold -> {
            assertThat(hold.id()).isEqualTo(live.id());
            assertThat(hold.status()).isEqualTo(HoldStatus.RELEASED);
        });
        assertThat(cancellation.refunded()).singleElement().satisfies(refunded -> {
            assertThat(refunded.booking().id()).isEqualTo(partly.id());
            assertThat(refunded.booking().isCancelled()).isTrue();
            assertThat(refunded.refund().seats()).isEqualTo(seats(5));
            assertThat(refunded.refund().percent()).as("in full, though the policy gives nothing so late").isEqualTo(100);
            assertThat(refunded.refund().amount()).isEqualTo(new Money(1000, "EUR"));
            assertThat(refunded.refund().at()).isEqualTo(at);
        });
        assertThat(cancellation.withdrawn()).extracting(WaitlistEntry::id, WaitlistEntry::status)
                .containsExactly(tuple(waiting.id(), EntryStatus.EXPIRED),
                        tuple(offered.id(), EntryStatus.EXPIRED));
        assertThat(cancellation.notifications(NOTICES)).extracting(n -> n.type().wireName() + " " + n.subject())
                .containsExactly("event.cancelled events/" + event.id(), "hold.released holds/" + live.id(),
                        "booking.cancelled bookings/" + partly.id());
    }

    @Test
    void aCancelledEventCannotBeCancelledAgainNorTakeAnotherEventsRecords() {
        EventCancellation cancellation = event.cancel(NOW, List.of(), List.of(), List.of());
        assertThatThrownBy(() -> cancellation.event().cancel(NOW, List.of(), List.of(), List.of()))
                .isInstanceOf(IllegalStateException.class);

        Booking stranger = Booking.confirmed(BookingId.random(), Event.schedule(EventId.random(), "org",
                new Event.Plan("Other", "Hall", STARTS, 10, null, null, null), LIMITS, NOW), "ann", seats(1), NOW);
        assertThatThrownBy(() -> event.cancel(NOW, List.of(), List.of(stranger), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> event.cancelBooking(stranger, Optional.empty(), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCustomersCancellationIsRefundedByThePolicyAtItsMoment() {
        Booking booking = booking(1, 2);

        Booking.Cancellation early = event.cancelBooking(booking, Optional.of(seats(1)), STARTS.minus(Duration.ofDays(8)));
        Booking.Cancellation late = event.cancelBooking(early.booking(), Optional.empty(), STARTS.minus(Duration.ofDays(1)));

        assertThat(early.refund().percent()).isEqualTo(50);
        assertThat(early.refund().amount()).isEqualTo(new Money(500, "EUR"));
        assertThat(late.refund().percent()).isZero();
        assertThat(late.booking().isCancelled()).isTrue();
    }
}
