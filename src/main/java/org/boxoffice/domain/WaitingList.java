package org.boxoffice.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rules of an event's waiting list: who may join, and who is offered which seats when seats come
 * free. Entries are served first come, first served: the first waiting entry whose quantity fits the free
 * seats is offered the best of them as a hold in its customer's name for {@link #offerTtl}, then the next,
 * until no waiting entry fits. An entry is offered seats at most once. The stores call {@link #offers} in
 * the same atomic step as they place the offers' holds, so an offer never takes a seat that someone else
 * holds or booked, and freed seats are offered once.
 */
public final class WaitingList {

    private final Duration offerTtl;

    /** @param offerTtl how long an offer's hold lives */
    public WaitingList(Duration offerTtl) {
        Objects.requireNonNull(offerTtl, "offerTtl");
        if (offerTtl.isNegative() || offerTtl.isZero()) {
            throw new IllegalArgumentException("an offer must live for some time, not " + offerTtl);
        }
        this.offerTtl = offerTtl;
    }

    public Duration offerTtl() {
        return offerTtl;
    }

    /** The seats of one event that are free at one instant, as an offer round sees and takes them. */
    public interface FreeSeats {
        /** How many are free. */
        int count();

        /** The best {@code quantity} of them ({@link BestAvailable}); takes nothing. */
        SeatSelection best(int quantity);

        /** Takes the seats of the hold. */
        void take(Hold hold);
    }

    /** An offer: the entry, now offered, and the hold placed for it. */
    public record Offer(WaitlistEntry entry, Hold hold) {
    }

    /**
     * Checks a request to wait for {@code quantity} seats: at most what one request and one customer's holds
     * may take, on an event still on sale with fewer than that many seats free.
     *
     * @param freeSeats how many seats of the event are free now
     * @throws InvalidRequestException if the quantity is out of range
     * @throws EventCancelledException if the event was cancelled
     * @throws SeatsAvailableException if that many seats are free: book them instead
     */
    public static void checkJoin(Event event, int quantity, int maxQuantity, int freeSeats) {
        checkQuantity(quantity, maxQuantity);
        event.checkOnSale();
        if (freeSeats >= quantity) {
            throw new SeatsAvailableException(quantity, freeSeats);
        }
    }

    /** @throws InvalidRequestException unless {@code 1 <= quantity <= maxQuantity} */
    public static void checkQuantity(int quantity, int maxQuantity) {
        if (quantity < 1 || quantity > maxQuantity) {
            throw new InvalidRequestException("quantity", "must be a whole number from 1 to " + maxQuantity);
        }
    }

    /** A new entry of the event, joined at {@code at}; where it stands is the store's to tell. */
    public static WaitlistEntry join(EntryId id, Event event, String customer, int quantity, Instant at,
            int position) {
        return WaitlistEntry.waiting(id, event.id(), customer, quantity, at, position);
    }

    /**
     * The offers to make at {@code at}: walks the waiting entries in the order they joined, offering each
     * whose quantity the free seats still cover the best of them, and taking those from {@code seats}.
     * A cancelled event offers nothing.
     *
     * @param waiting the event's entries still waiting, in the order they joined
     */
    public List<Offer> offers(Event event, List<WaitlistEntry> waiting, FreeSeats seats, Instant at) {
        List<Offer> offers = new ArrayList<>();
        if (event.isCancelled()) {
            return offers;
        }
        for (WaitlistEntry entry : waiting) {
            int free = seats.count();
            if (free == 0) {
                break;
            }
            if (entry.status() != EntryStatus.WAITING || entry.quantity() > free) {
                continue;
            }
            Hold hold = Hold.placed(HoldId.random(), event, entry.customer(), seats.best(entry.quantity()), at,
                    at.plus(offerTtl));
            seats.take(hold);
            offers.add(new Offer(entry.offered(hold), hold));
        }
        return offers;
    }
}
