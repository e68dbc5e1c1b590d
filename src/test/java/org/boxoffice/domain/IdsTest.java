package org.boxoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void aCanonicalUuidNamesAnId() {
        UUID uuid = UUID.randomUUID();

        assertThat(EventId.parse(uuid.toString())).contains(new EventId(uuid));
        assertThat(BookingId.parse(uuid.toString().toUpperCase())).contains(new BookingId(uuid));
    }

    @Test
    void textThatIsNotACanonicalUuidNamesNothing() {
        assertThat(EventId.parse("1-1-1-1-1")).isEmpty();
        assertThat(EventId.parse("abc")).isEmpty();
        assertThat(EventId.parse("")).isEmpty();
        assertThat(BookingId.parse(null)).isEmpty();
        assertThat(EventId.parse("123e4567-e89b-12d3-a456-42661417400")).as("35 characters").isEmpty();
        assertThat(EventId.parse("123e4567-e89b-12d3-a456-4266141740000")).as("37 characters").isEmpty();
        assertThat(EventId.parse("123e4567e-89b-12d3-a456-426614174000")).as("hyphen moved").isEmpty();
        assertThat(EventId.parse("123e4567-e89b-12d3-a456+426614174000")).as("not a hyphen").isEmpty();
        assertThat(EventId.parse("123e4567-e89b-12d3-a456-42661417400g")).as("not hex").isEmpty();
        assertThat(EventId.parse("123e4567-e89b-12d3-a456-42661417400\u0663")).as("a non-ASCII digit").isEmpty();
    }

    @Test
    void everyHexDigitIsReadInPlace() {
        for (int i = 0; i < 1_000; i++) {
            UUID uuid = new UUID(ThreadLocalRandom.current().nextLong(), ThreadLocalRandom.current().nextLong());
            assertThat(HoldId.parse(uuid.toString())).contains(new HoldId(uuid));
        }
        assertThat(EventId.parse("FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF")).contains(new EventId(new UUID(-1, -1)));
        assertThat(EventId.parse("00000000-0000-0000-0000-000000000001")).contains(new EventId(new UUID(0, 1)));
    }

    @Test
    void randomIdsDiffer() {
        assertThat(EventId.random()).isNotEqualTo(EventId.random());
        assertThat(BookingId.random().toString()).hasSize(36);
    }

    @Test
    void newIdsAreVersion7UuidsThatParseBack() {
        for (int i = 0; i < 1_000; i++) {
            UUID id = BookingId.random().value();
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(BookingId.parse(id.toString())).contains(new BookingId(id));
            UUID notification = NotificationId.random().value();
            assertThat(notification.version()).isEqualTo(7);
            assertThat(notification.variant()).isEqualTo(2);
        }
    }

    @Test
    void newIdsCarryTheirMillisecondAndSortAfterOlderOnes() {
        long before = System.currentTimeMillis();
        UUID older = EventId.random().value();
        // The next id in a later millisecond.
        long olderMillis = older.getMostSignificantBits() >>> 16;
        Awaitility.await().pollInterval(Duration.ofMillis(1)).until(() -> System.currentTimeMillis() > olderMillis);
        UUID newer = EventId.random().value();
        long after = System.currentTimeMillis();

        assertThat(older.getMostSignificantBits() >>> 16).isBetween(before, after);
        assertThat(newer.getMostSignificantBits() >>> 16).isBetween(before, after);
        assertThat(Cursor.compareIds(older.getMostSignificantBits(), older.getLeastSignificantBits(),
                newer.getMostSignificantBits(), newer.getLeastSignificantBits())).isNegative();
    }

    @Test
    void idsMadeOnManyThreadsAtOnceNeverRepeat() {
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 200_000).parallel().forEach(i -> seen.add(HoldId.random().value()));
        assertThat(seen).hasSize(200_000);
        Set<UUID> notifications = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 200_000).parallel().forEach(i -> notifications.add(NotificationId.random().value()));
        assertThat(notifications).hasSize(200_000);
        Set<Long> randomHalves = new HashSet<>();
        seen.forEach(id -> randomHalves.add(id.getLeastSignificantBits()));
        assertThat(randomHalves).hasSize(200_000);
    }
}
