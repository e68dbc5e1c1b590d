package org.boxoffice.notify;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.boxoffice.domain.webhooks.WebhookUrl;

/**
 * Which hosts a webhook may reach: not this machine, the private network, or link-local addresses
 * (cloud metadata services live there), so that a subscription cannot make the service probe inside
 * its own network. Checked on the resolved addresses, each as the IPv4 address it carries if it carries
 * one (IPv6 otherwise only global unicast), with ports 443 and 8443 only; at subscription and again before
 * every delivery, which connects to an address it checked rather than resolving the name again (a name may
 * answer differently the second time: DNS rebinding). Setting {@code boxoffice.webhooks.allow-private-targets}
 * lifts the rule, for local receivers.
 */
public final class WebhookTarget {

    private static final String NO_HOST = "must be an absolute URL with a host, such as \"https://example.com/hooks\"";

    private WebhookTarget() {
    }

    /** Finds the addresses a host name stands for; {@link #SYSTEM} is the JVM's resolver. */
    @FunctionalInterface
    public interface Resolver {
        Resolver SYSTEM = InetAddress::getAllByName;

        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * A URL's host resolved once: every address it resolved to, each one allowed, or why it may not be sent
     * to (then no address).
     */
    public record Resolved(List<InetAddress> addresses, Optional<String> refusal) {

        static Resolved refused(String why) {
            return new Resolved(List.of(), Optional.of(why));
        }
    }

    /**
     * Resolves the URL's host: why it may not be sent to, or empty when it may. A host that does not
     * resolve may not be sent to either.
     */
    public static Optional<String> refusal(WebhookUrl url, boolean allowPrivateTargets) {
        return refusal(url, allowPrivateTargets, Resolver.SYSTEM, WebhookTarget::isPublic);
    }

    /** {@link #refusal(WebhookUrl, boolean)} with the given resolver and address rule. */
    static Optional<String> refusal(WebhookUrl url, boolean allowPrivateTargets, Resolver resolver,
            Predicate<InetAddress> allowed) {
        if (allowPrivateTargets) {
            return uri(url).isPresent() ? Optional.empty() : Optional.of(NO_HOST);
        }
        return resolve(url, false, resolver, allowed).refusal();
    }

    /**
     * Resolves the URL's host once with {@code resolver} and checks every address it answers with
     * {@code allowed} ({@link #isPublic} in the service) and the port, unless private targets are allowed:
     * the addresses to connect to, or why none may be.
     */
    public static Resolved resolve(WebhookUrl webhookUrl, boolean allowPrivateTargets, Resolver resolver,
            Predicate<InetAddress> allowed) {
        Optional<URI> parsed = uri(webhookUrl);
        if (parsed.isEmpty()) {
            return Resolved.refused(NO_HOST);
        }
        URI url = parsed.get();
        int port = url.getPort();
        if (!allowPrivateTargets && port != -1 && port != 443 && port != 8443) {
            return Resolved.refused("must use port 443 or 8443, not " + port);
        }
        String host = url.getHost();
        try {
            List<InetAddress> addresses = List.of(resolver.resolve(host));
            if (addresses.isEmpty()) {
                throw new UnknownHostException(host);
            }
            if (!allowPrivateTargets) {
                for (InetAddress address : addresses) {
                    if (!allowed.test(address)) {
                        return Resolved.refused("must not point at a loopback, private or link-local address ('"
                                + host + "' resolves to " + address.getHostAddress() + ")");
                    }
                }
            }
            return new Resolved(addresses, Optional.empty());
        } catch (UnknownHostException e) {
            return Resolved.refused("names a host that does not resolve ('" + host + "')");
        }
    }

    /** The URL as the JDK reads it, or empty when it has no host it can reach. */
    static Optional<URI> uri(WebhookUrl url) {
        try {
            URI parsed = new URI(url.value());
            return parsed.getHost() == null ? Optional.empty() : Optional.of(parsed);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Whether the address is one a webhook may be sent to when private targets are not allowed. */
    public static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            Optional<byte[]> embedded = embeddedIpv4(bytes);
            if (embedded.isPresent()) {
                return isPublicIpv4(embedded.get());
            }
            // Only global unicast (2000::/3), less documentation (2001:db8::/32) and Teredo (2001::/32, which
            // carries an IPv4 address of its own).
            boolean globalUnicast = (bytes[0] & 0xE0) == 0x20;
            boolean documentation = bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && (bytes[3] & 0xFF) == 0xb8;
            boolean teredo = bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0 && bytes[3] == 0;
            return globalUnicast && !documentation && !teredo;
        }
        return isPublicIpv4(bytes);
    }

    /**
     * The IPv4 address an IPv6 address carries, which is where a packet to it ends up: IPv4-mapped
     * ({@code ::ffff:a.b.c.d}), IPv4-compatible ({@code ::a.b.c.d}), IPv4-translated ({@code ::ffff:0:a.b.c.d}),
     * NAT64 ({@code 64:ff9b::/96}, {@code 64:ff9b:1::/48}) and 6to4 ({@code 2002:aabb:ccdd::/48}).
     */
    static Optional<byte[]> embeddedIpv4(byte[] bytes) {
        boolean zeros64 = allZero(bytes, 0, 8);
        if (zeros64 && bytes[8] == 0 && bytes[9] == 0 && bytes[10] == 0 && bytes[11] == 0) {
            return Optional.of(Arrays.copyOfRange(bytes, 12, 16));
        }
        if (zeros64 && bytes[8] == 0 && bytes[9] == 0 && (bytes[10] & 0xFF) == 0xFF && (bytes[11] & 0xFF) == 0xFF) {
            return Optional.of(Arrays.copyOfRange(bytes, 12, 16));
        }
        if (zeros64 && (bytes[8] & 0xFF) == 0xFF && (bytes[9] & 0xFF) == 0xFF && bytes[10] == 0 && bytes[11] == 0) {
            return Optional.of(Arrays.copyOfRange(bytes, 12, 16));
        }
        if (bytes[0] == 0 && bytes[1] == 0x64 && (bytes[2] & 0xFF) == 0xff && (bytes[3] & 0xFF) == 0x9b) {
            return Optional.of(Arrays.copyOfRange(bytes, 12, 16));
        }
        if (bytes[0] == 0x20 && bytes[1] == 0x02) {
            return Optional.of(Arrays.copyOfRange(bytes, 2, 6));
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPublicIpv4(byte[] bytes) {
        int first = bytes[0] & 0xFF;
        int second = bytes[1] & 0xFF;
        // 0/8, 10/8, 100.64/10 (carrier-grade NAT), 127/8, 169.254/16, 172.16/12, 192.0.0/24, 192.168/16,
        // 198.18/15 (benchmarks), 224/4 (multicast) and 240/4 (reserved)
        return first != 0 && first != 10 && !(first == 100 && second >= 64 && second < 128) && first != 127
                && !(first == 169 && second == 254) && !(first == 172 && second >= 16 && second < 32)
                && !(first == 192 && second == 0 && (bytes[2] & 0xFF) == 0) && !(first == 192 && second == 168)
                && !(first == 198 && (second == 18 || second == 19)) && first < 224;
    }
}
