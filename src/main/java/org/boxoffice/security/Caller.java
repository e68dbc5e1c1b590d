package org.boxoffice.security;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is asking: the verified token's subject and roles. With authentication off, everyone is the one
 * {@link #ANONYMOUS} caller, who has every role.
 */
public record Caller(String id, Set<Role> roles) {

    public static final Caller ANONYMOUS = new Caller("anonymous", EnumSet.allOf(Role.class));

    public Caller {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a caller needs an id");
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * Refuses a caller that has none of the roles.
     *
     * @throws AccessDeniedException naming the roles that would do
     */
    public void requireAny(Role... allowed) {
        for (Role role : allowed) {
            if (has(role)) {
                return;
            }
        }
        throw new AccessDeniedException(allowed);
    }

    /**
     * Refuses a caller who may not manage the event {@code organizer} organizes: only that organizer, and
     * admins, may.
     *
     * @throws AccessDeniedException saying who may
     */
    public void requireManagerOf(String organizer) {
        if (!mayManage(organizer)) {
            throw new AccessDeniedException("This needs the event's organizer or the role admin");
        }
    }

    /** Whether the caller may manage the event {@code organizer} organizes: that organizer, or an admin. */
    public boolean mayManage(String organizer) {
        return has(Role.ADMIN) || (has(Role.ORGANIZER) && id.equals(organizer));
    }

    /**
     * Refuses a caller who may not check tickets of the event {@code organizer} organizes in: its organizer,
     * admins and scanners may.
     *
     * @throws AccessDeniedException saying who may
     */
    public void requireDoorOf(String organizer) {
        if (!has(Role.SCANNER) && !mayManage(organizer)) {
            throw new AccessDeniedException("This needs the event's organizer, the role admin or the role scanner");
        }
    }

    /** Whether the caller may see what {@code owner} owns: their own things, or anything for an admin. */
    public boolean maySee(String owner) {
        return has(Role.ADMIN) || id.equals(owner);
    }
}
