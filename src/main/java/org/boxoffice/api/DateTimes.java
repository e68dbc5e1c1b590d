package org.boxoffice.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;
import org.boxoffice.domain.InvalidRequestException;

/**
 * Reads {@code date_time} in the forms clients send: the seed's {@code "2024-06-15 19:00"} and ISO-8601
 * with or without an offset. A time without an offset is taken as UTC.
 */
final class DateTimes {

    /** The seed's form: a space where ISO-8601 has a {@code T}. */
    private static final Pattern SEED_FORM = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2})?");

    /** A date alone, for the bounds of a listing: the start of that day, UTC. */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private DateTimes() {
    }

    /** A listing's {@code from} or {@code to}: what {@link #parse} reads, or a date alone meaning its start (UTC). */
    static Instant parseBound(String field, String text) {
        if (DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw notADateTime(field);
            }
        }
        return parse(field, text);
    }

    static Instant parse(String field, String text) {
        String iso = SEED_FORM.matcher(text).matches() ? text.replace(' ', 'T') : text;
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, ZonedDateTime::from,
                    LocalDateTime::from);
            return parsed instanceof ZonedDateTime zoned
                    ? zoned.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw notADateTime(field);
        }
    }

    private static InvalidRequestException notADateTime(String field) {
        return new InvalidRequestException(field, "must be a date and time such as \"2027-06-15 19:00\""
                + " or ISO-8601 such as \"2027-06-15T19:00:00+02:00\"");
    }
}
