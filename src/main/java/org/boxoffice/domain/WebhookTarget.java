package org.boxoffice.domain;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which hosts a webhook may reach: not this machine, the private network, or link-local addresses
 * (cloud metadata services live there), so that a subscription cannot make the service probe inside
 * its own network. Checked on the resolved addresses, at subscription and again before every delivery,
 * since a name may resolve elsewhere later (DNS rebinding). Setting
 * {@code boxoffice.webhooks.allow-private-targets} lifts the rule, for local receivers.
 */
public final class WebhookTarget {

    private WebhookTarget() {
    }

    /**
     * Resolves the URL's host: why it may not be sent to, or empty when it may. A host that does not
     * resolve may not be sent to either.
     */
    public static Optional<String> refusal(URI url, boolean allowPrivateTargets) {
        if (allowPrivateTargets) {
            return Optional.empty();
        }
        String host = url.getHost();
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!isPublic(address)) {
                    return Optional.of("must not point at a loopback, private or link-local address ('" + host
                            + "' resolves to " + address.getHostAddress() + ")");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve ('" + host + "')");
        }
    }

    /** Whether the address is one a webhook may be sent to when private targets are not allowed. */
    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xFF;
            int second = bytes[1] & 0xFF;
            // 100.64/10 (carrier-grade NAT), 0/8, 192.0.0/24, 198.18/15 (benchmarks), 240/4 (reserved)
            return !(first == 100 && second >= 64 && second < 128) && first != 0
                    && !(first == 192 && second == 0 && (bytes[2] & 0xFF) == 0)
                    && !(first == 198 && (second == 18 || second == 19)) && first < 240;
        }
        // fc00::/7: unique local IPv6 addresses, the IPv6 private network
        return (bytes[0] & 0xFE) != 0xFC;
    }
}
