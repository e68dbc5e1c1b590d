package org.boxoffice.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a caller may do, from the token's {@code groups}: organizers run events, customers buy seats,
 * scanners check tickets in at the door of any event.
 */
public enum Role {
    ORGANIZER,
    CUSTOMER,
    ADMIN,
    SCANNER;

    /** The role a token group names, if it names one of ours. */
    public static Optional<Role> ofGroup(String group) {
        for (Role role : values()) {
            if (role.group().equals(group)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The group name in tokens: {@code organizer}, {@code customer}, {@code admin}, {@code scanner}. */
    public String group() {
        return name().toLowerCase(Locale.ROOT);
    }
}
