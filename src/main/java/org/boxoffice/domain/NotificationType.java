package org.boxoffice.domain;

import java.util.Arrays;
import java.util.Optional;

/** What happened, as a notification names it ({@code booking.confirmed}) and as its CloudEvent types it. */
public enum NotificationType {
    EVENT_CREATED("event.created"),
    EVENT_CANCELLED("event.cancelled"),
    HOLD_PLACED("hold.placed"),
    HOLD_RELEASED("hold.released"),
    HOLD_EXPIRED("hold.expired"),
    BOOKING_CONFIRMED("booking.confirmed"),
    BOOKING_CANCELLED("booking.cancelled"),
    /** Its subject is the entry's path under its event, {@code waitlist/<entry_id>}. */
    WAITLIST_OFFERED("waitlist.offered", "waitlist"),
    TICKET_CHECKED_IN("ticket.checked_in");

    private final String wireName;
    private final String collection;

    NotificationType(String wireName) {
        this(wireName, wireName.substring(0, wireName.indexOf('.')) + "s");
    }

    NotificationType(String wireName, String collection) {
        this.wireName = wireName;
        this.collection = collection;
    }

    /** The name subscriptions use: {@code booking.confirmed}. */
    public String wireName() {
        return wireName;
    }

    /** Where the object it is about lives, as a path: {@code bookings} for {@code booking.confirmed}, {@code tickets}. */
    public String collection() {
        return collection;
    }

    /** The CloudEvent {@code type}: {@code org.boxoffice.booking.confirmed}. */
    public String cloudEventType() {
        return "org.boxoffice." + wireName;
    }

    public static Optional<NotificationType> ofWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
