package org.boxoffice.security;

/** No verified caller: no bearer token, or one that could not be verified. */
public class NotAuthenticatedException extends RuntimeException {

    private final boolean tokenPresented;

    public NotAuthenticatedException(String message, boolean tokenPresented) {
        super(message);
        this.tokenPresented = tokenPresented;
    }

    /** Whether a token came and failed (RFC 6750 {@code invalid_token}) rather than none at all. */
    public boolean tokenPresented() {
        return tokenPresented;
    }
}
