package org.boxoffice.service;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import org.boxoffice.security.SecretBox;
import org.jboss.logging.Logger;

/**
 * The key that seals webhook secrets at rest, from {@code boxoffice.webhooks.secret-key}: made once, checked
 * at start. With authentication on, outside dev and test, the service refuses to start without it: secrets
 * sealed with a key made at start would not open on another instance or after a restart. Without
 * authentication (or in dev and test) and without the setting, secrets are kept unsealed, as a warning says.
 */
public class WebhookSecrets {

    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);
    static final String SETTING = "boxoffice.webhooks.secret-key";
    private static final String VARIABLE = "BOXOFFICE_WEBHOOKS_SECRET_KEY";

    @Produces
    @Singleton
    static SecretBox secretBox(BoxOfficeConfig config) {
        return box(config, LaunchMode.current().isDevOrTest());
    }

    /** Makes the box at start, so that a missing or broken key stops the start rather than the first webhook. */
    static void atStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 601) StartupEvent started,
            SecretBox box) {
        LOG.debug("Webhook secrets are sealed at rest");
    }

    static SecretBox box(BoxOfficeConfig config, boolean devOrTest) {
        var setting = config.webhooks().secretKey().filter(keys -> !keys.isBlank());
        if (setting.isPresent()) {
            try {
                return SecretBox.fromSetting(setting.get());
            } catch (IllegalArgumentException broken) {
                throw new IllegalStateException(SETTING + " (" + VARIABLE + ") is not usable: " + broken.getMessage()
                        + ". Make one with: openssl rand -base64 32");
            }
        }
        if (config.auth().enabled() && !devOrTest) {
            throw new IllegalStateException("boxoffice.auth.enabled=true needs " + SETTING + " (" + VARIABLE
                    + "): the base64 256-bit key that seals webhook secrets at rest, the same on every instance."
                    + " Make one with: openssl rand -base64 32");
        }
        // A key made here would seal what no other instance, and no later start (a live reload), could open.
        LOG.warnf("No %s: webhook secrets are kept unsealed; set it to seal them at rest", SETTING);
        return SecretBox.withoutKey();
    }
}
