package org.boxoffice.security;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A verified caller without a role the operation needs. */
public class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(Role... allowed) {
        super("This needs the role " + Arrays.stream(allowed).map(Role::group).collect(Collectors.joining(" or ")));
    }

    /** Refused for another reason than a missing role; {@code why} is a sentence for the client. */
    public AccessDeniedException(String why) {
        super(why);
    }
}
