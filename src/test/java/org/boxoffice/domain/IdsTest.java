package org.boxoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
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
        }
    }

    @Test
    void newIdsCarryTheirMillisecondAndSortAfterOlderOnes() throws InterruptedException {
        long before = System.currentTimeMillis();
        UUID older = EventId.random().value();
        Thread.sleep(2);
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
        Set<Long> randomHalves = new HashSet<>();
        seen.forEach(id -> randomHalves.add(id.getLeastSignificantBits()));
        assertThat(randomHalves).hasSize(200_000);
    }
}
