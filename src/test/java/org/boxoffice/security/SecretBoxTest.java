package org.boxoffice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.boxoffice.domain.webhooks.Webhook;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String SECRET = Webhook.newSecret();

    @Test
    void aSealedSecretOpensOnlyWithItsKeyAndForItsContext() {
        SecretBox box = SecretBox.fromSetting(SecretBox.newKey());
        String sealed = box.seal(SECRET, "webhook-1");

        assertThat(sealed).startsWith(SecretBox.PREFIX).doesNotContain(SECRET.substring("whsec_".length()));
        assertThat(box.seal(SECRET, "webhook-1")).as("a nonce of its own each time").isNotEqualTo(sealed);
        assertThat(box.open(sealed, "webhook-1")).isEqualTo(SECRET);
        assertThatThrownBy(() -> box.open(sealed, "webhook-2")).as("copied to another webhook")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SecretBox.generated().open(sealed, "webhook-1"))
                .hasMessageContaining("does not open with any key");
        String altered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAA=") ? "BBB=" : "AAA=");
        assertThatThrownBy(() -> box.open(altered, "webhook-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyKeyListedOpensAndTheFirstSeals() {
        String oldKey = SecretBox.newKey();
        String newKey = SecretBox.newKey();
        String sealedWithOld = SecretBox.fromSetting(oldKey).seal(SECRET, "w");
        SecretBox replacing = SecretBox.fromSetting(newKey + ", " + oldKey);

        assertThat(replacing.open(sealedWithOld, "w")).isEqualTo(SECRET);
        assertThat(SecretBox.fromSetting(newKey).open(replacing.seal(SECRET, "w"), "w")).isEqualTo(SECRET);
    }

    @Test
    void aSecretKeptInTheClearOpensAsItselfAndAnythingElseIsRefused() {
        SecretBox box = SecretBox.generated();
        assertThat(box.open(SECRET, "w")).isEqualTo(SECRET);
        assertThatThrownBy(() -> box.open("plain", "w")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aReleaseThatReadsEveryValueAsWhsecDecodesASealedOneWithoutFailing() {
        // It signs with the bytes after the first six characters; a signature that does not verify is retried,
        // where an exception would stop its delivery runs.
        String sealed = SecretBox.generated().seal(SECRET, "w");
        assertThat(Base64.getDecoder().decode(sealed.substring(6))).isNotEmpty();
    }

    @Test
    void aBrokenSettingIsNamedWithoutShowingTheKey() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> SecretBox.fromSetting(shortKey)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key 1 has 16 bytes; it must have 32");
        assertThatThrownBy(() -> SecretBox.fromSetting(SecretBox.newKey() + ",not base64!"))
                .hasMessage("key 2 is not base64");
    }
}
