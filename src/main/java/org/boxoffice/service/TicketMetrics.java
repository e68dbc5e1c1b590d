package org.boxoffice.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.boxoffice.domain.AlreadyCheckedInException;
import org.boxoffice.domain.EventCancelledException;
import org.boxoffice.domain.HoldLimitExceededException;
import org.boxoffice.domain.HoldNotActiveException;
import org.boxoffice.domain.InvalidRequestException;
import org.boxoffice.domain.InvalidTicketException;
import org.boxoffice.domain.NotCheckedInException;
import org.boxoffice.domain.NotEnoughSeatsException;
import org.boxoffice.domain.QuotaExceededException;
import org.boxoffice.domain.SeatsAlreadyCancelledException;
import org.boxoffice.domain.SeatsAvailableException;
import org.boxoffice.domain.SeatsUnavailableException;
import org.boxoffice.domain.StoreUnavailableException;
import org.boxoffice.domain.TicketCancelledException;
import org.boxoffice.domain.UnknownIdException;
import org.boxoffice.security.AccessDeniedException;

/**
 * Counts what the use cases did, by outcome, for {@code /q/metrics}: {@code boxoffice_bookings_total},
 * {@code boxoffice_holds_total}, {@code boxoffice_confirms_total}, {@code boxoffice_cancellations_total},
 * {@code boxoffice_releases_total}, {@code boxoffice_waitlist_joins_total}, {@code boxoffice_checkins_total},
 * each with an {@code outcome} label from a small fixed set, and
 * {@code boxoffice_holds_expired_total}. No label carries an id or anything else unbounded.
 */
@ApplicationScoped
public class TicketMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Counter expired;

    public TicketMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.expired = Counter.builder("boxoffice.holds.expired")
                .description("Holds found expired by the sweeper").register(registry);
    }

    /** Runs the action and counts its outcome under {@code boxoffice.<operation>}. */
    <T> T count(String operation, String success, Supplier<T> action) {
        try {
            T result = action.get();
            counter(operation, success).increment();
            return result;
        } catch (RuntimeException e) {
            counter(operation, outcomeOf(e)).increment();
            throw e;
        }
    }

    void holdsExpired(int count) {
        expired.increment(count);
    }

    private Counter counter(String operation, String outcome) {
        return counters.computeIfAbsent(operation + "/" + outcome, key -> Counter.builder("boxoffice." + operation)
                .description("Box Office " + operation + " by outcome")
                .tag("outcome", outcome)
                .register(registry));
    }

    /** One of a fixed set of words, whatever the exception says. */
    private static String outcomeOf(RuntimeException e) {
        if (e instanceof SeatsUnavailableException) {
            return "conflict";
        }
        if (e instanceof NotEnoughSeatsException) {
            return "not_enough_seats";
        }
        if (e instanceof HoldNotActiveException notActive) {
            return "hold_" + notActive.status().wireName();
        }
        if (e instanceof HoldLimitExceededException) {
            return "hold_limit";
        }
        if (e instanceof QuotaExceededException) {
            return "quota";
        }
        if (e instanceof EventCancelledException) {
            return "event_cancelled";
        }
        if (e instanceof SeatsAlreadyCancelledException) {
            return "already_cancelled";
        }
        if (e instanceof SeatsAvailableException) {
            return "seats_available";
        }
        if (e instanceof AlreadyCheckedInException) {
            return "already_checked_in";
        }
        if (e instanceof NotCheckedInException) {
            return "not_checked_in";
        }
        if (e instanceof TicketCancelledException) {
            return "ticket_cancelled";
        }
        if (e instanceof InvalidTicketException) {
            return "invalid_ticket";
        }
        if (e instanceof InvalidRequestException) {
            return "invalid";
        }
        if (e instanceof UnknownIdException) {
            return "unknown";
        }
        if (e instanceof AccessDeniedException) {
            return "forbidden";
        }
        if (e instanceof StoreUnavailableException) {
            return "store_unavailable";
        }
        return "error";
    }
}
