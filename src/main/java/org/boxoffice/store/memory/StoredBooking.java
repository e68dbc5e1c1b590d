package org.boxoffice.store.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.boxoffice.domain.Booking;
import org.boxoffice.domain.BookingId;
import org.boxoffice.domain.BookingStatus;
import org.boxoffice.domain.Cursor;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.HoldId;
import org.boxoffice.domain.Refund;
import org.boxoffice.domain.SeatPrices;
import org.boxoffice.domain.SeatSelection;

/**
 * A booking as {@link InMemoryTicketStore} keeps it, compactly: the id and the creation time as
 * numbers, the seats as an array, the event id, the customer's name and the currency shared with the
 * other bookings of that event and customer, and no price array for a free event. The store keeps
 * millions of these, and each is both the key of the id map and the element of the creation-time
 * index, so nothing else is kept per booking. Equal when the ids are, so a probe carrying only an id
 * finds one.
 */
final class StoredBooking {

    /** Creation time, then id as an unsigned 128-bit number: the order of listings ({@link Cursor}). */
    static final Comparator<StoredBooking> CREATION_ORDER = (a, b) -> {
        int order = Long.compare(a.createdSecond, b.createdSecond);
        if (order == 0) {
            order = Integer.compare(a.createdNano, b.createdNano);
        }
        return order != 0 ? order : Cursor.compareIds(a.idHigh, a.idLow, b.idHigh, b.idLow);
    };

    /** Id, as an unsigned 128-bit number: the order of the store's index by id. */
    static final Comparator<StoredBooking> ID_ORDER =
            (a, b) -> Cursor.compareIds(a.idHigh, a.idLow, b.idHigh, b.idLow);

    private final long idHigh;
    private final long idLow;
    private final long createdSecond;
    private final int createdNano;
    private final EventId eventId;
    private final int[] seats;
    private final HoldId holdId;
    private final String customer;
    /** Null for a free event's booking. */
    private final long[] prices;
    private final String currency;
    private final String paymentReference;
    /** Empty until a cancellation; replaced, under the event's lock, by each one. */
    private volatile List<Refund> refunds;
    /** Null while any seat is live; set, under the event's lock, when the last one is cancelled. */
    private volatile Instant cancelledAt;

    private StoredBooking(UUID id, Instant createdAt, EventId eventId, int[] seats, HoldId holdId, String customer,
            SeatPrices prices, String paymentReference, List<Refund> refunds, Instant cancelledAt) {
        this.idHigh = id.getMostSignificantBits();
        this.idLow = id.getLeastSignificantBits();
        this.createdSecond = createdAt.getEpochSecond();
        this.createdNano = createdAt.getNano();
        this.eventId = eventId;
        this.seats = seats;
        this.holdId = holdId;
        this.customer = customer;
        this.prices = prices == null || prices.isFree() ? null : prices.amounts();
        this.currency = prices == null ? null : prices.currency();
        this.paymentReference = paymentReference;
        this.refunds = refunds;
        this.cancelledAt = cancelledAt;
    }

    /** {@code booking}, with its event's own id object and the shared copy of its customer's name. */
    static StoredBooking of(Booking booking, EventId sharedEventId, String sharedCustomer) {
        return new StoredBooking(booking.id().value(), booking.createdAt(), sharedEventId, booking.seats().seats(),
                booking.holdId(), sharedCustomer, booking.prices(), booking.paymentReference(), booking.refunds(),
                booking.cancelledAt());
    }

    /** A probe for looking a booking up by id. */
    static StoredBooking probe(BookingId id) {
        return new StoredBooking(id.value(), Instant.EPOCH, null, null, null, null, null, null, null, null);
    }

    /** A probe for the place of {@code cursor} in {@link #CREATION_ORDER}. */
    static StoredBooking probe(Cursor cursor) {
        return new StoredBooking(cursor.id(), cursor.at(), null, null, null, null, null, null, null, null);
    }

    EventId eventId() {
        return eventId;
    }

    String customer() {
        return customer;
    }

    /** Call under the event's lock: the booking as a cancellation left it. */
    void update(Booking changed) {
        refunds = changed.refunds();
        cancelledAt = changed.cancelledAt();
    }

    Booking toBooking() {
        Instant cancelled = cancelledAt;
        List<Refund> refunded = refunds;
        SeatPrices seatPrices = prices == null ? SeatPrices.free(seats.length) : SeatPrices.restore(currency, prices);
        return new Booking(new BookingId(new UUID(idHigh, idLow)), eventId, SeatSelection.ofAscending(seats),
                cancelled == null ? BookingStatus.CONFIRMED : BookingStatus.CANCELLED,
                Instant.ofEpochSecond(createdSecond, createdNano), holdId, cancelled, customer, seatPrices, refunded,
                paymentReference);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredBooking that && idHigh == that.idHigh && idLow == that.idLow;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(idHigh ^ idLow);
    }
}
