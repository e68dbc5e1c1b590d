package org.boxoffice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.UUID;
import org.boxoffice.domain.BookingId;
import org.boxoffice.domain.EventId;
import org.boxoffice.domain.Ticket;
import org.boxoffice.domain.TicketId;
import org.junit.jupiter.api.Test;

class Ed25519TicketCodesTest {

    private static final BookingId BOOKING = new BookingId(UUID.randomUUID());
    private static final Ticket TICKET = new Ticket(TicketId.of(BOOKING, 12), EventId.random(), BOOKING, 12);

    @Test
    void aKeyMadeByOpensslSignsCodesThatVerifyAndTheSameTicketAlwaysHasTheSameCode() throws Exception {
        Process openssl = new ProcessBuilder("openssl", "genpkey", "-algorithm", "ed25519").start();
        ByteArrayOutputStream pem = new ByteArrayOutputStream();
        openssl.getInputStream().transferTo(pem);
        assertThat(openssl.waitFor()).isZero();
        Ed25519TicketCodes codes = Ed25519TicketCodes.fromPem(pem.toString(StandardCharsets.US_ASCII));

        String code = codes.sign(TICKET);

        assertThat(codes.verify(code)).contains(TICKET);
        assertThat(codes.sign(TICKET)).isEqualTo(code);
        assertThat(codes.keys()).hasSize(1);
        assertThat(codes.keys().get(0).publicKey()).hasSize(32);
        assertThat(Ed25519TicketCodes.fromPem(pem.toString(StandardCharsets.US_ASCII).replace("\n", "\\n"))
                .verify(code)).as("a PEM whose line breaks came written as backslash-n").contains(TICKET);
    }

    @Test
    void olderKeysAfterTheFirstStillVerifyWhatTheySignedAndArePublished() throws Exception {
        String older = Ed25519TicketCodes.pem(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());
        String newer = Ed25519TicketCodes.pem(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());
        String signedBefore = Ed25519TicketCodes.fromPem(older).sign(TICKET);

        Ed25519TicketCodes rotated = Ed25519TicketCodes.fromPem(newer + older);

        assertThat(rotated.verify(signedBefore)).contains(TICKET);
        assertThat(rotated.keys()).hasSize(2);
        assertThat(rotated.keys().get(0).id()).isEqualTo(Ed25519TicketCodes.fromPem(newer).keys().get(0).id());
        assertThat(Ed25519TicketCodes.generated().verify(signedBefore)).as("another key's code").isEmpty();
    }

    @Test
    void textThatIsNoEd25519PrivateKeyIsRefusedSayingWhy() throws Exception {
        String rsa = Ed25519TicketCodes.pem(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate());

        assertThatThrownBy(() -> Ed25519TicketCodes.fromPem("secret")).hasMessageContaining("no -----BEGIN PRIVATE KEY");
        assertThatThrownBy(() -> Ed25519TicketCodes.fromPem(rsa)).hasMessage(
                "PEM block 1 is not an Ed25519 private key (PKCS#8)");
    }
}
