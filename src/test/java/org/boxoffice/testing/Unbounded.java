package org.boxoffice.testing;

/**
 * What the stores and the domain read as "no bound" where production passes a configured one (a quota,
 * the seats a customer may hold and book, a layout's sections and rows): for tests about something else.
 */
public final class Unbounded {

    /** {@link Integer#MAX_VALUE}, the documented value for none. */
    public static final int NO_BOUND = Integer.MAX_VALUE;

    private Unbounded() {
    }
}
