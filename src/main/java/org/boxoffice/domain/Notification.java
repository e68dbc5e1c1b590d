package org.boxoffice.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Something that happened to an event, recorded with the change itself (the store writes it in the same
 * atomic step), so that every committed change yields its notification and a refused one never does. Its
 * data, the changed object as the API shows it, is made from the immutable objects of that moment,
 * the first time it is asked for: a store that keeps notifications in memory renders it outside its locks.
 */
public final class Notification {

    private final NotificationId id;
    private final NotificationType type;
    private final EventId eventId;
    private final String organizer;
    private final UUID subjectId;
    private final Instant time;
    private Supplier<String> render;
    private volatile String data;

    /**
     * @param organizer the event's organizer: their webhooks receive it (and admins' receive all)
     * @param subjectId the id of what it is about: the booking, hold, event, ticket or waitlist entry, as its
     *     type says
     * @param data the object as the API shows it at that moment, as JSON
     */
    public Notification(NotificationId id, NotificationType type, EventId eventId, String organizer, UUID subjectId,
            Instant time, Supplier<String> data) {
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.organizer = Objects.requireNonNull(organizer, "organizer");
        this.subjectId = Objects.requireNonNull(subjectId, "subjectId");
        this.time = Objects.requireNonNull(time, "time");
        this.render = Objects.requireNonNull(data, "data");
    }

    /** A notification as stored, its data rendered already; {@code subject} as {@link #subject()} gives it. */
    public static Notification restore(NotificationId id, NotificationType type, EventId eventId, String organizer,
            String subject, Instant time, String data) {
        Objects.requireNonNull(data, "data");
        UUID subjectId = UUID.fromString(subject.substring(subject.indexOf('/') + 1));
        return new Notification(id, type, eventId, organizer, subjectId, time, () -> data);
    }

    public NotificationId id() {
        return id;
    }

    public NotificationType type() {
        return type;
    }

    public EventId eventId() {
        return eventId;
    }

    public String organizer() {
        return organizer;
    }

    /**
     * What it is about, as a path: {@code bookings/<id>}, {@code holds/<id>}, {@code events/<id>},
     * {@code tickets/<id>}, or {@code waitlist/<id>} (under its event's path, the {@link #source}).
     */
    public String subject() {
        return type.collection() + "/" + subjectId;
    }

    public Instant time() {
        return time;
    }

    /** The changed object as the API showed it then, as JSON. */
    public String data() {
        String rendered = data;
        if (rendered == null) {
            synchronized (this) {
                if (data == null) {
                    data = render.get();
                    render = null;
                }
                rendered = data;
            }
        }
        return rendered;
    }

    /** Where it comes from, as its CloudEvent says: the event's path. */
    public String source() {
        return "/events/" + eventId;
    }

    @Override
    public String toString() {
        return type.wireName() + " " + subject() + " at " + time + " (" + id + ")";
    }
}
