package org.boxoffice.domain;

/** The store cannot be reached right now (a database down, a pool exhausted); nothing was changed. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
