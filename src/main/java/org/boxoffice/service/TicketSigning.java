package org.boxoffice.service;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import org.boxoffice.domain.TicketCodes;
import org.boxoffice.domain.WaitingList;
import org.boxoffice.security.Ed25519TicketCodes;
import org.jboss.logging.Logger;

/**
 * The ticket codes' signing key, from {@code boxoffice.checkin.signing-key}, and the waiting list's rules,
 * from {@code boxoffice.waitlist.offer-ttl}: made once, checked at start. With authentication on, outside
 * dev and test, the service refuses to start without a signing key: codes must verify on every instance
 * and after a restart, so a key made at start would not do.
 */
public class TicketSigning {

    private static final Logger LOG = Logger.getLogger(TicketSigning.class);
    private static final String SETTING = "boxoffice.checkin.signing-key";

    @Produces
    @Singleton
    static TicketCodes ticketCodes(BoxOfficeConfig config) {
        return codes(config, LaunchMode.current().isDevOrTest());
    }

    /** The service's waiting-list rules; the stores place offers by them. */
    @Produces
    @Singleton
    static WaitingList waitingList(BoxOfficeConfig config) {
        Duration ttl = config.waitlist().offerTtl();
        // An out-of-range setting is SettingsCheck's to report, naming it; this must not fail first.
        return new WaitingList(ttl.isNegative() || ttl.isZero() ? Duration.ofMinutes(15) : ttl);
    }

    /**
     * Makes the codes at start, so that a missing or broken key stops the start rather than the first ticket;
     * after the authentication settings' own check (priority), which names what it misses first.
     */
    static void atStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent started,
            TicketCodes codes) {
        LOG.debugf("Ticket codes are signed with key %s", codes.keys().get(0).id());
    }

    static TicketCodes codes(BoxOfficeConfig config, boolean devOrTest) {
        if (config.checkin().signingKey().filter(pem -> !pem.isBlank()).isPresent()) {
            try {
                return Ed25519TicketCodes.fromPem(config.checkin().signingKey().get());
            } catch (IllegalArgumentException broken) {
                throw new IllegalStateException(SETTING + " (BOXOFFICE_CHECKIN_SIGNING_KEY) is not usable: "
                        + broken.getMessage() + ". Make one with: openssl genpkey -algorithm ed25519");
            }
        }
        if (config.auth().enabled() && !devOrTest) {
            throw new IllegalStateException("boxoffice.auth.enabled=true needs " + SETTING
                    + " (BOXOFFICE_CHECKIN_SIGNING_KEY): the Ed25519 private key, PKCS#8 PEM, that signs ticket codes"
                    + " on every instance. Make one with: openssl genpkey -algorithm ed25519");
        }
        TicketCodes made = Ed25519TicketCodes.generated();
        LOG.infof("No %s: made a ticket-signing key for this process (kid %s). Codes it signs verify only until"
                + " it stops, and only here; set %s to share one key between instances and restarts.", SETTING,
                made.keys().get(0).id(), SETTING);
        return made;
    }
}
