package org.boxoffice.domain;

/**
 * The database's schema is older than this service needs: the deploy's {@code migrate} step has not
 * run yet. Nothing was changed; the service answers again once the schema is migrated.
 */
public class SchemaBehindException extends StoreUnavailableException {

    private final int found;
    private final int required;

    public SchemaBehindException(int found, int required) {
        super("the database schema is at version " + found + "; this service needs version " + required, null);
        this.found = found;
        this.required = required;
    }

    /** The schema version the database has (0: none at all). */
    public int found() {
        return found;
    }

    public int required() {
        return required;
    }
}
