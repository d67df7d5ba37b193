package io.esteira.alerting.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The webhook HTTP client's only DNS: each connection asks {@link WebhookTargetPolicy#addresses}, which
 * resolves the host once, checks every address against the allow-list and returns them; the client
 * connects to exactly those. A refused host fails the connection with the policy's reason.
 */
public final class PolicyDnsResolver implements DnsResolver {

    private final WebhookTargetPolicy policy;

    public PolicyDnsResolver(WebhookTargetPolicy policy) {
        this.policy = policy;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        try {
            return policy.addresses(host);
        } catch (WebhookTargetRefusedException e) {
            UnknownHostException refused = new UnknownHostException(e.getMessage());
            refused.initCause(e);
            throw refused;
        }
    }

    /** Never used for webhooks (no SPNEGO/Kerberos); answers without a lookup. */
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
