package org.boxoffice.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.boxoffice.testing.Unbounded.NO_BOUND;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.boxoffice.domain.Event;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.HoldId;
import org.boxoffice.domain.HoldRequest;
import org.boxoffice.domain.RefundPolicy;
import org.boxoffice.domain.SeatChoice;
import org.boxoffice.domain.SeatsUnavailableException;
import org.boxoffice.testing.StoreRules;
import org.boxoffice.testing.TestDatabase;
import org.boxoffice.testing.TestPayloads;
import org.junit.jupiter.api.Test;

/** How often the PostgreSQL stores run failed work again: at most five runs, whatever failed. */
class RetryPolicyTest {

    private final Jdbc jdbc = new Jdbc(TestDatabase.get().dataSource(), Optional.empty());

    @Test
    void aRaceLostEveryTimeRunsTheWorkFiveTimesThenAnswersWhatWasLost() {
        AtomicInteger runs = new AtomicInteger();
        SeatsUnavailableException lost = new SeatsUnavailableException(new int[] {1});

        assertThatThrownBy(() -> jdbc.inTransaction(c -> {
            runs.incrementAndGet();
            throw new RetryPolicy.Conflict(lost);
        })).isSameAs(lost);
        assertThat(runs).hasValue(5);
    }

    @Test
    void aSerializationFailureEveryTimeRunsTheWorkFiveTimes() {
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> jdbc.inTransaction(c -> {
            runs.incrementAndGet();
            throw new SQLException("could not serialize access", "40001");
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("40001");
        assertThat(runs).hasValue(5);
    }

    @Test
    void otherFailuresRunOnce() {
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> jdbc.autoCommit(c -> {
            runs.incrementAndGet();
            throw new SQLException("duplicate key", "23505");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(runs).hasValue(1);
    }

    @Test
    void aLostRaceWonOnTheNextRunAnswersThatRun() {
        AtomicInteger runs = new AtomicInteger();

        String answer = jdbc.inTransaction(c -> {
            if (runs.incrementAndGet() == 1) {
                throw new RetryPolicy.Conflict(new SeatsUnavailableException(new int[] {1}));
            }
            return "won";
        });

        assertThat(answer).isEqualTo("won");
        assertThat(runs).hasValue(2);
    }

    /**
     * A best-available hold whose every claim loses its seat to a booking (a trigger books each seat it
     * claims, first) takes five transactions, not five re-choices each retried apart.
     */
    @Test
    void aBestAvailableHoldThatAlwaysLosesItsSeatsTakesFiveTransactions() throws Exception {
        TestDatabase database = TestDatabase.get();
        database.truncate();
        PostgresTicketStore store = new PostgresTicketStore(database.dataSource(), false, TestPayloads.json(),
                StoreRules.waitingList());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Event event = new Event(EventId.random(), "Contended", "Hall", now.plus(Duration.ofDays(30)), 10, now,
                "organizer", null, null, RefundPolicy.DEFAULT, null);
        store.addEvent(event, NO_BOUND);
        execute("""
                CREATE SEQUENCE test_lost_claims;
                CREATE FUNCTION test_book_first() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    other uuid := gen_random_uuid();
                BEGIN
                    PERFORM nextval('test_lost_claims');
                    INSERT INTO bookings (id, event_id, seats, status, created_at, customer)
                        VALUES (other, NEW.event_id, ARRAY[NEW.seat], 'confirmed', now(), 'someone else');
                    INSERT INTO seat_claims (event_id, seat, booking_id) VALUES (NEW.event_id, NEW.seat, other);
                    RETURN NULL;
                END $$;
                CREATE TRIGGER test_book_first BEFORE INSERT ON seat_claims FOR EACH ROW
                    WHEN (NEW.hold_id IS NOT NULL AND NEW.event_id = '%s') EXECUTE FUNCTION test_book_first();
                """.formatted(event.id().value()));
        try {
            assertThatThrownBy(() -> store.placeHold(new HoldRequest(HoldId.random(), event, "alice",
                    new SeatChoice.BestOf(1), Duration.ofMinutes(10), 50, NO_BOUND), now))
                    .isInstanceOf(SeatsUnavailableException.class);

            try (Connection c = database.dataSource().getConnection();
                    Statement select = c.createStatement();
                    ResultSet row = select.executeQuery("SELECT last_value FROM test_lost_claims")) {
                row.next();
                assertThat(row.getLong(1)).isEqualTo(5);
            }
        } finally {
            execute("""
                    DROP TRIGGER test_book_first ON seat_claims;
                    DROP FUNCTION test_book_first();
                    DROP SEQUENCE test_lost_claims;""");
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = TestDatabase.get().dataSource().getConnection();
                Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
