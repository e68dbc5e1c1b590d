package org.boxoffice.api;

import jakarta.ws.rs.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The resources anyone may call, with no token: schedulers' ({@link ScheduledResource}: EventBridge and a
 * Knative PingSource send none) and scanners' ({@link CheckinKeysResource}: the keys that verify tickets are
 * public). The one home of that rule: the API document asks no token of them ({@link ApiDocumentFilter}),
 * and the rate limit counts their callers together rather than by who they are ({@link RateLimitFilter}).
 */
final class Unauthenticated {

    static final Set<Class<?>> RESOURCES = Set.of(ScheduledResource.class, CheckinKeysResource.class);

    /** Their paths, as the API document names them. */
    static final Set<String> PATHS = RESOURCES.stream().map(resource -> resource.getAnnotation(Path.class).value())
            .collect(Collectors.toUnmodifiableSet());

    private Unauthenticated() {
    }
}
