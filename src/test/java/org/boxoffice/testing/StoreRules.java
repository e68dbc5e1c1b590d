package org.boxoffice.testing;

import java.time.Duration;
import org.boxoffice.domain.WaitingList;

/** The rules stores made outside the service are given: the waiting list's, with its offers' life. */
public final class StoreRules {

    /** How long a waiting list's offer lives in the stores these tests make: the service's default. */
    public static final Duration OFFER_TTL = Duration.ofMinutes(15);

    private StoreRules() {
    }

    public static WaitingList waitingList() {
        return new WaitingList(OFFER_TTL);
    }
}
