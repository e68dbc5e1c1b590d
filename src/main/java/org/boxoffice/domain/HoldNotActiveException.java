package org.boxoffice.domain;

/** A hold that can no longer be confirmed (or released): it expired, was released, or was confirmed. */
public class HoldNotActiveException extends RuntimeException {

    private final HoldId holdId;
    private final HoldStatus status;

    public HoldNotActiveException(HoldId holdId, HoldStatus status) {
        super("Hold " + holdId + " is " + status.wireName());
        if (status == HoldStatus.HELD) {
            throw new IllegalArgumentException("a live hold is active");
        }
        this.holdId = holdId;
        this.status = status;
    }

    public HoldId holdId() {
        return holdId;
    }

    /** Why it is not active: {@code EXPIRED}, {@code RELEASED} or {@code CONFIRMED}. */
    public HoldStatus status() {
        return status;
    }
}
