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
 * metadata address must be listed exactly (a {@code *.domain} wildcard does not open it). Webhook URLs
 * come only from configuration; this check runs at start-up and again before every call (so a DNS
 * answer that changed to an internal address is refused).
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

    /** Throws {@link WebhookTargetRefusedException}, saying why, when the URL may not be called. */
    public void check(String url) {
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
        String rawHost = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String host =
                rawHost.startsWith("[") && rawHost.endsWith("]") ? rawHost.substring(1, rawHost.length() - 1) : rawHost;
        if (host.isEmpty()) {
            throw new WebhookTargetRefusedException("URL '" + redact(uri) + "' names no host: fix it");
        }
        boolean listedExactly = allowedHosts.contains(host);
        if (!listedExactly && allowedHosts.stream().noneMatch(pattern -> wildcardMatches(pattern, host))) {
            throw new WebhookTargetRefusedException("URL '" + redact(uri) + "' targets host '" + host
                    + "', which is not in esteira.alerting.webhook.allowed-hosts: add the host to the list if it is"
                    + " trusted");
        }
        if (listedExactly) {
            return;
        }
        if (isMetadataName(host)) {
            throw internal(uri, host, "a cloud metadata name");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new WebhookTargetRefusedException("URL '" + redact(uri) + "' targets host '" + host
                    + "', which does not resolve: fix the host name or the DNS");
        }
        for (InetAddress address : addresses) {
            if (allowedHosts.contains(address.getHostAddress().toLowerCase(Locale.ROOT))) {
                continue;
            }
            String kind = internalKind(address);
            if (kind != null) {
                throw internal(uri, host + " (" + address.getHostAddress() + ")", kind);
            }
        }
    }

    private static WebhookTargetRefusedException internal(URI uri, String host, String kind) {
        return new WebhookTargetRefusedException("URL '" + redact(uri) + "' targets " + host + ", " + kind
                + ": list that host exactly in esteira.alerting.webhook.allowed-hosts if it is really meant");
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
