package org.boxoffice.api.http;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.boxoffice.security.Caller;
import org.boxoffice.security.NotAuthenticatedException;
import org.boxoffice.security.Role;
import org.boxoffice.service.BoxOfficeConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Who a request comes from: the subject and groups of a bearer JWT that smallrye-jwt verified, or,
 * with {@code boxoffice.auth.enabled=false}, the one anonymous caller. Authentication runs when a
 * request first asks (proactive authentication is off), and never blocks the event loop: the
 * identity comes as a {@link Uni}, as Quarkus asks of endpoints that run there.
 */
@ApplicationScoped
public class Callers {

    private static final Logger LOG = Logger.getLogger(Callers.class);
    private static final Uni<Caller> ANONYMOUS = Uni.createFrom().item(Caller.ANONYMOUS);

    private final boolean enabled;
    private final Instance<CurrentIdentityAssociation> identities;

    public Callers(BoxOfficeConfig config, Instance<CurrentIdentityAssociation> identities) {
        this.enabled = config.auth().enabled();
        this.identities = identities;
    }

    /**
     * The caller of the current request; fails with {@link NotAuthenticatedException} if authentication
     * is on and no valid token came. A token that fails verification fails with Quarkus's own
     * exception: see {@link ExceptionMappers#authenticationFailed}.
     */
    public Uni<Caller> verified() {
        return enabled ? identities.get().getDeferredIdentity().map(Callers::caller) : ANONYMOUS;
    }

    public boolean authenticationEnabled() {
        return enabled;
    }

    private static Caller caller(SecurityIdentity who) {
        JsonWebToken token = token(who, "Send a bearer token: Authorization: Bearer <JWT>.");
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new NotAuthenticatedException("The bearer token has no subject (sub).", true);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : groups(token)) {
            Role.ofGroup(group).ifPresent(roles::add);
        }
        return new Caller(subject, roles);
    }

    /**
     * The verified bearer JWT of a request's identity: the one check of who is authenticated, for the API
     * and the metrics alike; with none (no identity, anonymous, not a JWT) it throws
     * {@link NotAuthenticatedException} with {@code hint}, which says what to send.
     */
    static JsonWebToken token(SecurityIdentity who, String hint) {
        if (who == null || who.isAnonymous() || !(who.getPrincipal() instanceof JsonWebToken token)) {
            throw new NotAuthenticatedException(hint, false);
        }
        return token;
    }

    /** The token's groups; none when it has no {@code groups} claim. */
    static Set<String> groups(JsonWebToken token) {
        return Optional.ofNullable(token.getGroups()).orElse(Set.of());
    }

    /**
     * Checks the settings once at start: with authentication on, a key (from a file or over https), an
     * issuer and an audience to verify tokens with must be configured, or the service refuses to start, naming what is missing (a
     * {@link ConfigurationException}: Quarkus prints its message as one line, no stack trace). A command
     * ({@code migrate}, {@code demo}) serves no requests, so has no callers to verify or warn about.
     */
    static void checkSettings(@Observes StartupEvent started, BoxOfficeConfig config,
            @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true") boolean serving,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> keyLocation,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> key,
            @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") Optional<String> audiences) {
        if (!serving) {
            return;
        }
        if (!config.auth().enabled()) {
            LOG.warn("Authentication is OFF (boxoffice.auth.enabled=false): every request acts as one anonymous"
                    + " caller with every role. Never run a shared deployment like this.");
            return;
        }
        if (keyLocation.isEmpty() && key.isEmpty()) {
            throw new ConfigurationException("boxoffice.auth.enabled=true needs a key to verify tokens: set"
                    + " mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY_LOCATION) to a PEM public key"
                    + " or a JWKS URL, or set boxoffice.auth.enabled=false for a local trial");
        }
        if (issuer.isEmpty()) {
            throw new ConfigurationException("boxoffice.auth.enabled=true needs mp.jwt.verify.issuer"
                    + " (MP_JWT_VERIFY_ISSUER): the iss that tokens must carry");
        }
        if (audiences.isEmpty() || audiences.get().isBlank()) {
            throw new ConfigurationException("boxoffice.auth.enabled=true needs mp.jwt.verify.audiences"
                    + " (MP_JWT_VERIFY_AUDIENCES): the aud that tokens for this service carry, so that a token"
                    + " the issuer made for another application is refused");
        }
        String location = keyLocation.orElse("");
        if (!location.isEmpty() && location.contains(":") && !location.startsWith("https:")
                && !location.startsWith("file:") && !location.startsWith("classpath:")) {
            throw new ConfigurationException("mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY_LOCATION)"
                    + " must be an https URL or a file, not " + location.substring(0, location.indexOf(':') + 1)
                    + " (a key fetched over plain http could be replaced on the way)");
        }
    }
}
