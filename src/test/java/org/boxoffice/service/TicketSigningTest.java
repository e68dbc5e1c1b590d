package org.boxoffice.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.util.Map;
import org.boxoffice.security.Ed25519TicketCodes;
import org.junit.jupiter.api.Test;

class TicketSigningTest {

    @Test
    void withAuthenticationOnOutsideDevAndTestTheStartIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> TicketSigning.codes(Settings.of(Map.of("boxoffice.auth.enabled", "true")), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("boxoffice.auth.enabled=true needs boxoffice.checkin.signing-key"
                        + " (BOXOFFICE_CHECKIN_SIGNING_KEY)");
    }

    @Test
    void devAndTestOrAuthenticationOffMakeAKeyAtStart() {
        assertThat(TicketSigning.codes(Settings.of(Map.of("boxoffice.auth.enabled", "true")), true).keys()).hasSize(1);
        assertThat(TicketSigning.codes(Settings.of(Map.of("boxoffice.auth.enabled", "false")), false).keys()).hasSize(1);
    }

    @Test
    void theConfiguredKeySignsAndABrokenOneStopsTheStartWithoutShowingIt() throws Exception {
        String pem = Ed25519TicketCodes.pem(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());

        assertThat(TicketSigning.codes(Settings.of(Map.of("boxoffice.auth.enabled", "true",
                "boxoffice.checkin.signing-key", pem)), false).keys().get(0).id())
                .isEqualTo(Ed25519TicketCodes.fromPem(pem).keys().get(0).id());
        assertThatThrownBy(() -> TicketSigning.codes(Settings.of(Map.of("boxoffice.checkin.signing-key",
                "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LXZhbHVl\n-----END PRIVATE KEY-----")), false))
                .hasMessageStartingWith("boxoffice.checkin.signing-key (BOXOFFICE_CHECKIN_SIGNING_KEY) is not usable")
                .hasMessageNotContaining("c2VjcmV0LXZhbHVl");
    }
}
