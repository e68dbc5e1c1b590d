package org.boxoffice.domain;

/**
 * A request that would take its caller past one of the operator's quotas (seats per customer, events per
 * organizer, webhooks per owner), so that no tenant can take more than a fair share. Nothing changes.
 */
public class QuotaExceededException extends RuntimeException {

    private final String setting;
    private final int limit;

    private QuotaExceededException(String what, String setting, int limit, long already) {
        super("At most " + limit + " " + what + " (" + setting + "); " + already + " already.");
        this.setting = setting;
        this.limit = limit;
    }

    /**
     * Refuses adding {@code adding} to {@code already} if that passes {@code limit}.
     *
     * @param what what is counted, after the limit: "seats of one event held and booked by one customer"
     * @param setting the setting that sets the limit
     * @throws QuotaExceededException if {@code already + adding > limit}
     */
    public static void check(String what, String setting, int limit, long already, long adding) {
        if (already + adding > limit) {
            throw new QuotaExceededException(what, setting, limit, already);
        }
    }

    /** The setting that sets the limit, {@code boxoffice.…}. */
    public String setting() {
        return setting;
    }

    public int limit() {
        return limit;
    }
}
