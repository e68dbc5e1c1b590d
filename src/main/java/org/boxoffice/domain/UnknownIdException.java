package org.boxoffice.domain;

/** An id that names nothing this service knows, whether it never existed or was never well-formed. */
public class UnknownIdException extends RuntimeException {

    public UnknownIdException(String kind, String id) {
        super("No " + kind + " with id '" + id + "'");
    }

    public static UnknownIdException event(Object id) {
        return new UnknownIdException("event", String.valueOf(id));
    }

    public static UnknownIdException booking(Object id) {
        return new UnknownIdException("booking", String.valueOf(id));
    }

    public static UnknownIdException entry(Object id) {
        return new UnknownIdException("waiting list entry", String.valueOf(id));
    }

    public static UnknownIdException ticket(Object id) {
        return new UnknownIdException("ticket", String.valueOf(id));
    }

    public static UnknownIdException hold(Object id) {
        return new UnknownIdException("hold", String.valueOf(id));
    }
}
