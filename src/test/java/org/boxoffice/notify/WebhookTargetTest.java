package org.boxoffice.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.boxoffice.domain.webhooks.WebhookUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a webhook may send: the hosts and ports it may reach, each address its name resolves to checked. */
class WebhookTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
            "100.64.0.1", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "224.0.0.1", "198.18.0.1",
            "::127.0.0.1", "::ffff:0:127.0.0.1", "::ffff:0:a9fe:a9fe", "64:ff9b::7f00:1", "64:ff9b::a00:1",
            "2002:7f00:1::1", "2002:a9fe:a9fe::", "2001:db8::1", "2001:0:4136:e378::1", "::", "ff02::1"})
    void aPrivateLoopbackOrLinkLocalTargetIsRefused(String address) throws Exception {
        assertThat(WebhookTarget.isPublic(InetAddress.getByName(address))).isFalse();
        WebhookUrl url = new WebhookUrl("https://" + (address.contains(":") ? "[" + address + "]" : address) + "/hook");
        assertThat(WebhookTarget.refusal(url, false)).isPresent();
        assertThat(WebhookTarget.refusal(url, true)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "1.1.1.1", "2606:4700:4700::1111"})
    void aPublicTargetIsAllowed(String address) throws Exception {
        assertThat(WebhookTarget.isPublic(InetAddress.getByName(address))).isTrue();
    }

    @Test
    void aMappedAddressAsDnsWouldAnswerItIsCheckedAsTheIpv4AddressItCarries() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        mapped[12] = 127;
        mapped[15] = 1;
        // An AAAA answer builds an Inet6Address, which Java's own checks call neither loopback nor private.
        InetAddress fromDns = java.net.Inet6Address.getByAddress("rebind.example", mapped, null);
        assertThat(fromDns.isLoopbackAddress()).isFalse();

        assertThat(WebhookTarget.isPublic(fromDns)).isFalse();
        assertThat(WebhookTarget.isPublic(InetAddress.getByName("64:ff9b::5db8:d70e"))).as("NAT64 of a public one")
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://1.1.1.1:22/hook", "https://1.1.1.1:80/hook", "https://1.1.1.1:6379/hook"})
    void onlyPorts443And8443AreAllowed(String url) {
        assertThat(WebhookTarget.refusal(new WebhookUrl(url), false)).hasValueSatisfying(
                why -> assertThat(why).contains("port"));
        assertThat(WebhookTarget.refusal(new WebhookUrl("https://1.1.1.1:8443/hook"), false)).isEmpty();
        assertThat(WebhookTarget.refusal(new WebhookUrl(url), true)).isEmpty();
    }

    @Test
    void aTargetIsResolvedOnceAndEveryAddressItAnswersIsChecked() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        InetAddress[] answer = {InetAddress.getByName("1.1.1.1"), InetAddress.getByName("2606:4700:4700::1111")};
        WebhookTarget.Resolver resolver = host -> {
            asked.incrementAndGet();
            return answer.clone();
        };
        WebhookTarget.Resolved resolved = WebhookTarget.resolve(new WebhookUrl("https://hooks.example.com/hook"), false,
                resolver, WebhookTarget::isPublic);
        assertThat(resolved.refusal()).isEmpty();
        assertThat(resolved.addresses()).containsExactly(answer);
        assertThat(asked).hasValue(1);

        answer[1] = InetAddress.getByName("169.254.169.254");
        assertThat(WebhookTarget.resolve(new WebhookUrl("https://hooks.example.com/hook"), false, resolver,
                WebhookTarget::isPublic)).satisfies(refused -> {
                    assertThat(refused.refusal()).hasValueSatisfying(why -> assertThat(why).contains("169.254.169.254"));
                    assertThat(refused.addresses()).isEmpty();
                });
        assertThat(WebhookTarget.resolve(new WebhookUrl("https://hooks.example.com/hook"), true, resolver,
                WebhookTarget::isPublic).addresses()).as("private targets allowed: resolved, not checked")
                .containsExactly(answer);
    }

    @Test
    void aHostThatDoesNotResolveIsRefused() {
        assertThat(WebhookTarget.refusal(new WebhookUrl("https://no-such-host.invalid/hook"), false)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://1.2.3/hook", "https://[:::]/hook"})
    void aUrlWithoutAHostTheJdkCanReachIsRefused(String url) {
        assertThat(WebhookTarget.refusal(new WebhookUrl(url), false)).hasValueSatisfying(
                why -> assertThat(why).contains("host"));
        assertThat(WebhookTarget.refusal(new WebhookUrl(url), true)).isPresent();
    }
}
