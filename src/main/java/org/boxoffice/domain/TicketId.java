package org.boxoffice.domain;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Identifies a ticket: one seat of one booking. Derived from the two (a name-based UUID), so every instance
 * names a booking's tickets alike without storing them, and a code's ticket id can be checked against its
 * booking and seat.
 */
public record TicketId(UUID value) {

    public TicketId {
        Objects.requireNonNull(value, "value");
    }

    /** The ticket of this seat of this booking. */
    public static TicketId of(BookingId booking, int seat) {
        ByteBuffer name = ByteBuffer.allocate(8 + 16 + 4).putLong(0x7469636b65743a31L)
                .putLong(booking.value().getMostSignificantBits()).putLong(booking.value().getLeastSignificantBits())
                .putInt(seat);
        return new TicketId(UUID.nameUUIDFromBytes(name.array()));
    }

    /** The id a client wrote, or empty when the text is not a UUID (and so names no ticket). */
    public static Optional<TicketId> parse(String text) {
        return Ids.parseUuid(text).map(TicketId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
