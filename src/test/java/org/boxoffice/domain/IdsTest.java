package org.boxoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
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
}
