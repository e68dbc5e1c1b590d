package org.boxoffice.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.boxoffice.domain.webhooks.Webhook;
import org.boxoffice.security.SecretBox;
import org.junit.jupiter.api.Test;

class WebhookSecretsTest {

    @Test
    void withAuthenticationOnOutsideDevAndTestTheStartIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> WebhookSecrets.box(Settings.of(Map.of("boxoffice.auth.enabled", "true")), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("boxoffice.auth.enabled=true needs boxoffice.webhooks.secret-key"
                        + " (BOXOFFICE_WEBHOOKS_SECRET_KEY)");
    }

    @Test
    void devAndTestOrAuthenticationOffWithoutAKeyKeepSecretsThatStillOpenAfterARestart() {
        String secret = Webhook.newSecret();
        SecretBox dev = WebhookSecrets.box(Settings.of(Map.of("boxoffice.auth.enabled", "true")), true);
        SecretBox off = WebhookSecrets.box(Settings.of(Map.of("boxoffice.auth.enabled", "false")), false);
        SecretBox restarted = WebhookSecrets.box(Settings.of(Map.of("boxoffice.auth.enabled", "false")), false);
        assertThat(restarted.open(off.seal(secret, "w"), "w")).isEqualTo(secret);
        assertThat(restarted.open(dev.seal(secret, "w"), "w")).isEqualTo(secret);
        assertThatThrownBy(() -> off.open(SecretBox.generated().seal(secret, "w"), "w"))
                .as("a sealed secret needs a key").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theConfiguredKeySealsAndABrokenOneStopsTheStartWithoutShowingIt() {
        String key = SecretBox.newKey();
        String secret = Webhook.newSecret();
        String sealed = WebhookSecrets.box(Settings.of(Map.of("boxoffice.auth.enabled", "true",
                "boxoffice.webhooks.secret-key", key)), false).seal(secret, "w");
        assertThat(SecretBox.fromSetting(key).open(sealed, "w")).isEqualTo(secret);

        String shortKey = Base64.getEncoder().encodeToString("sixteen-byte-key".getBytes());
        assertThatThrownBy(() -> WebhookSecrets.box(Settings.of(Map.of("boxoffice.webhooks.secret-key", shortKey)), false))
                .hasMessageStartingWith("boxoffice.webhooks.secret-key (BOXOFFICE_WEBHOOKS_SECRET_KEY) is not usable")
                .hasMessageNotContaining(shortKey);
    }
}
