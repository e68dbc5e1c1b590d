package org.boxoffice.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Which seats of one event are taken, by bookings or by live holds, and the rules for taking them:
 * all-or-nothing, and never a seat that is taken. One bit per seat (a 1,000,000-seat event costs about
 * 125 KB) plus a small record per live hold.
 *
 * <p>Every call passes the current instant. A hold whose expiry has come is dropped before the call
 * does anything else, so its seats are free at that instant whether or not a sweeper has run. Time
 * never goes backwards here: an instant older than one already seen counts as the newer one.
 *
 * <p>Not thread-safe: a store serialises the calls for one event.
 */
public final class SeatMap {

    private final int totalSeats;
    /** Bit {@code n} is seat {@code n} (bit 0 unused): set when booked or held by a live hold. */
    private final BitSet taken;
    /** The venue's rows and their free runs, kept in step with {@link #taken}; null without a layout. */
    private final Layout layout;
    private final RowRuns rows;
    private final Map<HoldId, LiveHold> liveHolds = new HashMap<>();
    private final PriorityQueue<LiveHold> byExpiry = new PriorityQueue<>(Comparator.comparing(LiveHold::expiresAt));
    private int bookedCount;
    private int heldCount;
    /** Holds that expired since the last {@link #takeExpired}, in the order they expired. */
    private List<HoldId> expiredUnreported = new ArrayList<>();
    private Instant now = Instant.MIN;

    private record LiveHold(HoldId id, SeatSelection seats, Instant expiresAt, String holder) {
    }

    /** The seats of this event, laid out in rows when it has a layout. */
    public SeatMap(Event event) {
        this.totalSeats = event.totalSeats();
        this.taken = new BitSet(totalSeats + 1);
        this.layout = event.layout();
        this.rows = layout == null ? null : new RowRuns(layout, taken);
    }

    /** Books every seat of the selection, or, if any is taken, none, and says which were taken. */
    public void book(SeatSelection selection, Instant at) {
        advanceTo(at);
        claim(selection);
        bookedCount += selection.size();
    }

    /**
     * Holds every seat of the hold until it expires, or none if any is taken. Place the hold at this
     * map's time ({@link #timeAt}), which a concurrent caller may have moved past the caller's clock.
     */
    public void hold(Hold hold) {
        advanceTo(hold.createdAt());
        if (liveHolds.containsKey(hold.id())) {
            throw new IllegalStateException("hold " + hold.id() + " exists already");
        }
        claim(hold.seats());
        LiveHold live = new LiveHold(hold.id(), hold.seats(), hold.expiresAt(), hold.customer());
        liveHolds.put(hold.id(), live);
        byExpiry.add(live);
        heldCount += hold.seats().size();
    }

    /** This map's time once it has seen {@code at}: never earlier than an instant it saw before. */
    public Instant timeAt(Instant at) {
        advanceTo(at);
        return now;
    }

    /**
     * The seats {@link BestAvailable} would give {@code quantity} seats of the scope right now; takes nothing.
     *
     * @throws NotEnoughSeatsException if fewer than {@code quantity} seats of the scope are free
     * @throws InvalidRequestException if the scope names a section or category the event does not have
     */
    public SeatSelection bestAvailable(int quantity, SeatScope scope, Instant at) {
        advanceTo(at);
        return BestAvailable.select(layout, rows, taken, totalSeats, quantity, scope);
    }

    /** Turns a live hold's seats into booked seats. False, changing nothing, if the hold is not live. */
    public boolean confirm(HoldId id, Instant at) {
        advanceTo(at);
        LiveHold hold = liveHolds.remove(id);
        if (hold == null) {
            return false;
        }
        heldCount -= hold.seats().size();
        bookedCount += hold.seats().size();
        return true;
    }

    /** Frees a live hold's seats. False, changing nothing, if the hold is not live. */
    public boolean release(HoldId id, Instant at) {
        advanceTo(at);
        LiveHold hold = liveHolds.remove(id);
        if (hold == null) {
            return false;
        }
        free(hold);
        return true;
    }

    /** Frees the seats of a cancelled booking. */
    public void cancel(SeatSelection bookedSeats, Instant at) {
        advanceTo(at);
        bookedSeats.stream().forEach(seat -> {
            if (!taken.get(seat)) {
                throw new IllegalStateException("seat " + seat + " is not booked");
            }
            taken.clear(seat);
        });
        refreshRows(bookedSeats);
        bookedCount -= bookedSeats.size();
    }

    /** How many seats {@code holder}'s live holds hold at {@code at}. */
    public int heldBy(String holder, Instant at) {
        advanceTo(at);
        return liveHolds.values().stream().filter(h -> h.holder().equals(holder)).mapToInt(h -> h.seats().size()).sum();
    }

    /** Whether the hold still holds its seats at {@code at}. */
    boolean isLive(HoldId id, Instant at) {
        advanceTo(at);
        return liveHolds.containsKey(id);
    }

    boolean isTaken(int seat, Instant at) {
        advanceTo(at);
        return taken.get(seat);
    }

    public SeatCounts counts(Instant at) {
        advanceTo(at);
        return SeatCounts.of(totalSeats, bookedCount, heldCount);
    }

    /** The event's seats row by row: free, held and (the rest) booked. */
    public SeatPlan plan(Event event, Instant at) {
        advanceTo(at);
        return SeatPlan.of(event, taken, held());
    }

    /**
     * The event's sales: its bookings (all of them, from the store) and these seats, at one instant.
     *
     * @param checkedIn bit {@code n} set when the ticket of seat {@code n} is checked in
     */
    public SalesReport salesReport(Event event, List<Booking> bookings, BitSet checkedIn, Instant at) {
        advanceTo(at);
        return SalesReport.of(event, bookings, taken, held(), checkedIn);
    }

    private BitSet held() {
        BitSet held = new BitSet(totalSeats + 1);
        liveHolds.values().forEach(hold -> hold.seats().stream().forEach(held::set));
        return held;
    }

    /** The free seats as ascending runs, so a large event answers in a few numbers. */
    public List<SeatRange> availableRanges(Instant at) {
        advanceTo(at);
        return SeatRange.freeRuns(taken, totalSeats);
    }

    /** Drops every hold whose expiry has come by {@code at}, freeing its seats. */
    private void advanceTo(Instant at) {
        if (at.isAfter(now)) {
            now = at;
        }
        while (!byExpiry.isEmpty() && !byExpiry.peek().expiresAt().isAfter(now)) {
            LiveHold hold = byExpiry.poll();
            // Confirmed and released holds stay queued until their expiry; only a live one frees seats.
            if (liveHolds.remove(hold.id(), hold)) {
                free(hold);
                expiredUnreported.add(hold.id());
            }
        }
    }

    /**
     * The holds that expired here since the last call, whichever call noticed: for reporting expiries,
     * which happen lazily, as time passes and the map is touched.
     */
    public List<HoldId> takeExpired(Instant at) {
        advanceTo(at);
        List<HoldId> expired = expiredUnreported;
        expiredUnreported = new ArrayList<>();
        return expired;
    }

    /** Bytes held by the seat bits themselves: about {@code totalSeats / 8}. */
    long seatBitsInBytes() {
        return (long) taken.size() / Byte.SIZE;
    }

    private void refreshRows(SeatSelection changed) {
        if (rows != null) {
            rows.refresh(changed);
        }
    }

    private void claim(SeatSelection selection) {
        if (selection.highest() > totalSeats) {
            throw new IllegalArgumentException("selection " + selection + " was made for a larger event");
        }
        int[] unavailable = selection.stream().filter(taken::get).toArray();
        if (unavailable.length > 0) {
            throw new SeatsUnavailableException(unavailable);
        }
        selection.stream().forEach(taken::set);
        refreshRows(selection);
    }

    private void free(LiveHold hold) {
        hold.seats().stream().forEach(taken::clear);
        refreshRows(hold.seats());
        heldCount -= hold.seats().size();
    }
}
