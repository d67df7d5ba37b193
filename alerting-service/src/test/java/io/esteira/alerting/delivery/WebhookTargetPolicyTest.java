package io.esteira.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookTargetPolicyTest {

    private static final Map<String, String> DNS = Map.of(
            "hooks.slack.com", "54.1.2.3",
            "internal.example.com", "10.1.2.3",
            "hooks.example.com", "93.184.216.34",
            "sneaky.example.com", "169.254.169.254",
            "chat.corp.test", "10.9.8.7",
            "wiki.corp.test", "10.9.8.8");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String ip = DNS.get(host);
        if (ip == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(ip)};
    }

    private final WebhookTargetPolicy policy = new WebhookTargetPolicy(
            List.of("hooks.slack.com", "*.example.com", "127.0.0.1", "chat.corp.test", "wiki.corp.test", "10.9.8.8"),
            List.of("https", "http"),
            WebhookTargetPolicyTest::resolve);

    @Test
    void shouldAllowListedHostsAndWildcardSubdomainsWithPublicAddresses() {
        assertThatCode(() -> policy.check("https://hooks.slack.com/services/T0/B0/xyz"))
                .doesNotThrowAnyException();
        assertThatCode(() -> policy.check("https://hooks.example.com/alerts")).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseAHostOutsideTheAllowList() {
        assertThatThrownBy(() -> policy.check("https://evil.test/collect"))
                .isInstanceOf(WebhookTargetRefusedException.class)
                .hasMessageContaining("not in esteira.alerting.webhook.allowed-hosts");
    }

    @Test
    void shouldRefuseASchemeOutsideTheAllowList() {
        assertThatThrownBy(() -> policy.check("ftp://hooks.slack.com/x")).hasMessageContaining("scheme 'ftp'");
    }

    @Test
    void shouldRefusePrivateLinkLocalAndMetadataAddressesReachedThroughAWildcard() {
        assertThatThrownBy(() -> policy.check("https://internal.example.com/x"))
                .hasMessageContaining("private address");
        assertThatThrownBy(() -> policy.check("https://sneaky.example.com/x")).hasMessageContaining("link-local");
        assertThatThrownBy(() -> policy.check("http://metadata.google.internal/computeMetadata"))
                .isInstanceOf(WebhookTargetRefusedException.class);
    }

    @Test
    void shouldRefuseLoopbackUnlessListedExactly() {
        assertThatCode(() -> policy.check("http://127.0.0.1:8080/hook")).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.check("http://localhost:8080/hook"))
                .hasMessageContaining("not in esteira.alerting.webhook.allowed-hosts");
        assertThatThrownBy(() -> policy.check("http://[::1]:8080/hook"))
                .isInstanceOf(WebhookTargetRefusedException.class);
    }

    @Test
    void shouldNotEchoTheSecretPathOfAWebhookUrlInErrors() {
        assertThatThrownBy(() -> policy.check("https://internal.example.com/services/SECRET-TOKEN"))
                .message()
                .doesNotContain("SECRET-TOKEN");
    }

    @Test
    void shouldCheckTheAddressesOfAnExactlyListedNameToo() {
        assertThatThrownBy(() -> policy.check("https://chat.corp.test/hooks/x"))
                .isInstanceOf(WebhookTargetRefusedException.class)
                .hasMessageContaining("chat.corp.test (10.9.8.7) is a private address")
                .hasMessageContaining("list the address");
    }

    @Test
    void shouldAllowAnInternalAddressThatIsListedItself() {
        assertThatCode(() -> policy.check("https://wiki.corp.test/hooks/x")).doesNotThrowAnyException();
    }

    @Test
    void shouldResolveOnceAndReturnTheAddressesItChecked() throws Exception {
        int[] lookups = {0};
        WebhookTargetPolicy counting = new WebhookTargetPolicy(List.of("hooks.slack.com"), List.of("https"), host -> {
            lookups[0]++;
            return resolve(host);
        });

        InetAddress[] addresses = counting.addresses("hooks.slack.com");

        assertThat(addresses).extracting(InetAddress::getHostAddress).containsExactly("54.1.2.3");
        assertThat(lookups[0]).isOne();
        assertThat(counting.checkUrl("https://hooks.slack.com/services/T0")).isEqualTo("hooks.slack.com");
        assertThat(lookups[0]).as("the URL check does not resolve").isOne();
    }
}
