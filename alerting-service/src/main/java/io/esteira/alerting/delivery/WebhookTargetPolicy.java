package io.esteira.alerting.delivery;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a webhook URL may be called: its scheme and host must be on the allow-list, and a
 * host that is or resolves to a loopback, link-local, private, carrier-grade NAT, multicast or cloud
 * metadata address is refused unless that address itself is listed (neither a {@code *.domain}
 * wildcard nor the listed name opens it). Webhook URLs come only from configuration; the full check runs
 * at start-up, and at every call the connection's resolver ({@link PolicyDnsResolver}) resolves the host
 * once, checks the answer and hands exactly those addresses to the connection (no second lookup, so no
 * DNS-rebinding window between check and connect).
 */
public final class WebhookTargetPolicy {

    /** Resolves a host name to its addresses; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<String> allowedHosts;
    private final List<String> allowedSchemes;
    private final Resolver resolver;

    public WebhookTargetPolicy(List<String> allowedHosts, List<String> allowedSchemes, Resolver resolver) {
        this.allowedHosts = allowedHosts.stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT))
                .toList();
        this.allowedSchemes = allowedSchemes.stream()
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .toList();
        this.resolver = resolver;
    }

    public static WebhookTargetPolicy system(List<String> allowedHosts, List<String> allowedSchemes) {
        return new WebhookTargetPolicy(allowedHosts, allowedSchemes, InetAddress::getAllByName);
    }

    /**
     * The full check, as start-up runs it: {@link #checkUrl} and then {@link #addresses} of its host.
     * Throws {@link WebhookTargetRefusedException}, saying why, when the URL may not be called.
     */
    public void check(String url) {
        addresses(checkUrl(url));
    }

    /**
     * Scheme, user info and host of the URL against the allow-lists, without a DNS lookup; the
     * connection's resolver ({@link PolicyDnsResolver}) checks the addresses when it connects.
     *
     * @return the host, lower case, without IPv6 brackets
     */
    public String checkUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new WebhookTargetRefusedException("the URL is not a valid URI (" + e.getMessage() + "): fix it");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!allowedSchemes.contains(scheme)) {
            throw new WebhookTargetRefusedException("URL '" + redact(uri) + "' uses scheme '" + scheme
                    + "', which is not in esteira.alerting.webhook.allowed-schemes " + allowedSchemes
                    + ": use an allowed scheme or add it to the list");
        }
        if (uri.getUserInfo() != null) {
            throw new WebhookTargetRefusedException("URL '" + redact(uri) + "' carries credentials in its user"
                    + " info: put them in the receiver's headers instead");
        }
        String host = host(uri.getHost());
        if (host.isEmpty()) {
            throw new WebhookTargetRefusedException("URL '" + redact(uri) + "' names no host: fix it");
        }
        requireListed(host);
        return host;
    }

    /**
     * Resolves the host once and returns its addresses when every one may be called: a public address,
     * or an internal one (loopback, link-local, private, ...) that is itself listed in
     * {@code allowed-hosts}. This holds for hosts listed exactly too: a listed name whose DNS answer turns
     * internal is refused. Connect to what this returns, never to a second lookup.
     */
    public InetAddress[] addresses(String hostName) {
        String host = host(hostName);
        requireListed(host);
        if (isMetadataName(host)) {
            throw internal(host, "a cloud metadata name");
        }
        InetAddress[] addresses;
        try {
            addresses = isLiteral(host) ? new InetAddress[] {InetAddress.getByName(host)} : resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new WebhookTargetRefusedException(
                    "webhook host '" + host + "' does not resolve: fix the host name or the DNS");
        }
        for (InetAddress address : addresses) {
            if (allowedHosts.contains(address.getHostAddress().toLowerCase(Locale.ROOT))) {
                continue;
            }
            String kind = internalKind(address);
            if (kind != null) {
                throw internal(host + " (" + address.getHostAddress() + ")", kind);
            }
        }
        return addresses;
    }

    private void requireListed(String host) {
        if (!allowedHosts.contains(host)
                && allowedHosts.stream().noneMatch(pattern -> wildcardMatches(pattern, host))) {
            throw new WebhookTargetRefusedException("host '" + host
                    + "', which is not in esteira.alerting.webhook.allowed-hosts, may not be called: add the host to"
                    + " the list if it is trusted");
        }
    }

    private static String host(String rawHost) {
        String host = rawHost == null ? "" : rawHost.toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** An IP address written out (no lookup needed): IPv4 dotted quad or IPv6. */
    private static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static WebhookTargetRefusedException internal(String host, String kind) {
        return new WebhookTargetRefusedException("webhook host " + host + " is " + kind
                + ": list the address itself in esteira.alerting.webhook.allowed-hosts if it is really meant");
    }

    private static boolean wildcardMatches(String pattern, String host) {
        return pattern.startsWith("*.") && host.endsWith(pattern.substring(1)) && host.length() > pattern.length() - 1;
    }

    private static boolean isMetadataName(String host) {
        return host.equals("metadata") || host.equals("metadata.google.internal") || host.endsWith(".internal");
    }

    /** What kind of internal address this is, or null for an ordinary public one. */
    static String internalKind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address (this includes cloud metadata services)";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc) {
            return "a private (unique local) address";
        }
        if (bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64) {
            return "a carrier-grade NAT address";
        }
        if (bytes.length == 4 && (bytes[0] & 0xff) == 0) {
            return "an address of this network (0.0.0.0/8)";
        }
        return null;
    }

    /** Scheme, host and port only: webhook paths often carry a secret token (Slack, Teams). */
    private static String redact(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/…";
    }
}
