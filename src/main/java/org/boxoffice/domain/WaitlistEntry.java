package org.boxoffice.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer waiting for {@code quantity} seats of a sold-out event. Entries are served in the order they
 * joined ({@code createdAt}, then id); an entry is offered seats at most once, as a hold in its customer's
 * name ({@code holdId}) that lives until {@code offerExpiresAt}. Like a hold, an offer expires by the clock
 * alone: {@link #statusAt} says so whether or not anything has run since.
 *
 * @param position where it stands among the event's waiting entries when it was read (1 is next); 0 once
 *     it no longer waits
 */
public record WaitlistEntry(EntryId id, EventId eventId, String customer, int quantity, Instant createdAt,
        EntryStatus status, HoldId holdId, Instant offerExpiresAt, int position) {

    public WaitlistEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
        if (quantity < 1) {
            throw new IllegalArgumentException("an entry waits for at least one seat");
        }
        if ((holdId == null) != (offerExpiresAt == null)) {
            throw new IllegalArgumentException("an offer has a hold and an expiry, or neither");
        }
        if ((status == EntryStatus.OFFERED || status == EntryStatus.ACCEPTED) && holdId == null) {
            throw new IllegalArgumentException("an offered or accepted entry has its hold");
        }
        if (status == EntryStatus.WAITING && holdId != null) {
            throw new IllegalArgumentException("a waiting entry has no offer");
        }
        if (position < 0 || (position > 0) != (status == EntryStatus.WAITING)) {
            throw new IllegalArgumentException("an entry has a position exactly while it waits");
        }
    }

    /** A new entry, waiting at {@code position}. */
    static WaitlistEntry waiting(EntryId id, EventId eventId, String customer, int quantity, Instant at, int position) {
        return new WaitlistEntry(id, eventId, customer, quantity, at, EntryStatus.WAITING, null, null, position);
    }

    /** The status at {@code now}: an offer whose time has come is expired. */
    public EntryStatus statusAt(Instant now) {
        return status == EntryStatus.OFFERED && !now.isBefore(offerExpiresAt) ? EntryStatus.EXPIRED : status;
    }

    /** This entry offered the hold, which expires when the offer does. */
    public WaitlistEntry offered(Hold hold) {
        if (status != EntryStatus.WAITING) {
            throw new IllegalStateException("entry " + id + " is " + status.wireName() + ", not waiting");
        }
        return with(EntryStatus.OFFERED, hold.id(), hold.expiresAt());
    }

    /** This entry as it stands once its offer's hold was booked. */
    public WaitlistEntry accepted() {
        return with(EntryStatus.ACCEPTED, holdId, offerExpiresAt);
    }

    /** This entry with its offer run out. */
    public WaitlistEntry expired() {
        return with(EntryStatus.EXPIRED, holdId, offerExpiresAt);
    }

    /**
     * This entry left at {@code now}: a waiting one, or one whose offer is live (its hold must be released
     * with it). One that no longer waits nor holds a live offer stays as it is (this same object).
     */
    public WaitlistEntry leftAt(Instant now) {
        return statusAt(now).isLive() ? with(EntryStatus.LEFT, holdId, offerExpiresAt) : this;
    }

    /** The same entry, read at another position. */
    public WaitlistEntry at(int newPosition) {
        return new WaitlistEntry(id, eventId, customer, quantity, createdAt, status, holdId, offerExpiresAt,
                newPosition);
    }

    private WaitlistEntry with(EntryStatus newStatus, HoldId hold, Instant expiry) {
        return new WaitlistEntry(id, eventId, customer, quantity, createdAt, newStatus, hold, expiry, 0);
    }
}
