package org.boxoffice.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.boxoffice.domain.webhooks.Webhook;

/**
 * Signs a delivery by the Standard Webhooks scheme: {@code v1,} and the base64 HMAC-SHA256, keyed with
 * the secret, of {@code <webhook-id>.<webhook-timestamp>.<body>}; one such entry per signing secret,
 * separated by spaces, so a receiver holding either secret during a rotation accepts it.
 */
final class Signatures {

    private Signatures() {
    }

    /** The {@code webhook-signature} header's value. */
    static String header(List<Webhook.Secret> secrets, String id, Instant timestamp, byte[] body) {
        StringJoiner header = new StringJoiner(" ");
        for (Webhook.Secret secret : secrets) {
            header.add("v1," + sign(secret.key(), id, timestamp.getEpochSecond(), body));
        }
        return header.toString();
    }

    static String sign(byte[] key, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
