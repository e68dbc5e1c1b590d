package org.boxoffice.domain.webhooks;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a webhook sends: an absolute URL kept as its text. The domain checks its form only (scheme, a host,
 * no user info, characters a URL may hold); what the host resolves to, and whether it may be reached, is
 * the notify package's to judge.
 */
public record WebhookUrl(String value) {

    /** Characters a URL may hold outside its host, besides letters, digits and {@code %HH} escapes. */
    private static final String URL_CHARACTERS = "-._~!$&'()*+,;=:@/?#";

    public WebhookUrl {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Why {@code url} is not a webhook's URL, or empty when it is one: an absolute {@code https} URL (or
     * {@code http}, with {@code allowHttp}) with a host and no user info.
     */
    static Optional<String> refusal(String url, boolean allowHttp) {
        if (!wellFormed(url)) {
            return Optional.of("must be a URL, such as \"https://example.com/hooks\"");
        }
        int colon = url.indexOf(':');
        String scheme = colon < 1 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.matches("[a-z][a-z0-9+.-]*") || !url.startsWith("//", colon + 1) || !hostOk(authority(url, colon))) {
            return Optional.of("must be an absolute URL with a host, such as \"https://example.com/hooks\"");
        }
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return Optional.of("must use https");
        }
        return Optional.empty();
    }

    private static String authority(String url, int colon) {
        int start = colon + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        return url.substring(start, end);
    }

    /** A host name, an IPv4 address or a bracketed IPv6 one, then an optional port; no user info. */
    private static boolean hostOk(String authority) {
        return authority.matches("([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)*[A-Za-z]([A-Za-z0-9-]*[A-Za-z0-9])?\\.?"
                + "(:[0-9]*)?")
                || authority.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}(:[0-9]*)?")
                || authority.matches("\\[[0-9A-Fa-f:.]+](:[0-9]*)?");
    }

    /** Only URL characters, {@code %} as escapes, brackets only around the host, at most one {@code #}. */
    private static boolean wellFormed(String url) {
        int hashes = 0;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '%') {
                if (i + 2 >= url.length() || !isHex(url.charAt(i + 1)) || !isHex(url.charAt(i + 2))) {
                    return false;
                }
            } else if (c == '#') {
                hashes++;
            } else if ((c == '[' || c == ']') && inHost(url, i)) {
                continue;
            } else if (!(c < 128 && Character.isLetterOrDigit(c)) && URL_CHARACTERS.indexOf(c) < 0) {
                return false;
            }
        }
        return hashes <= 1;
    }

    private static boolean inHost(String url, int index) {
        int start = url.indexOf("://");
        if (start < 0) {
            return false;
        }
        int end = start + 3;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        return index > start && index < end;
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
