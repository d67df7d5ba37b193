package io.esteira.alerting.delivery;

import io.esteira.alerting.config.AlertingProperties.Smtp;
import io.esteira.alerting.config.AlertingProperties.SmtpSecurity;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;

/**
 * The Jakarta Mail session of the email receivers, from {@code esteira.alerting.smtp}: the endpoint URI of
 * camel-mail and the complete set of Jakarta Mail properties it is given ({@code javaMailProperties}, which
 * replaces camel-mail's own defaults, so that what reaches the server is exactly what is written here).
 *
 * <ul>
 *   <li>{@code none}: plain SMTP ({@code smtp://}), no AUTH;
 *   <li>{@code starttls}: {@code smtp://} with {@code STARTTLS} enabled and required;
 *   <li>{@code smtps}: {@code smtps://}, TLS from the first byte.
 * </ul>
 *
 * With TLS the server's certificate is verified against the trust material given (an SSL bundle's socket
 * factory) or the JVM's, and must name the host ({@code ssl.checkserveridentity}); AUTH is used when a
 * username is set.
 */
public final class SmtpSession {

    /** The registry name of the {@link Properties} bean the URI refers to. */
    public static final String PROPERTIES_BEAN = "alertingSmtpProperties";

    private SmtpSession() {}

    public static String protocol(Smtp smtp) {
        return smtp.security() == SmtpSecurity.SMTPS ? "smtps" : "smtp";
    }

    /** The camel-mail endpoint: host, port, credentials and the properties bean. */
    public static String uri(Smtp smtp) {
        StringBuilder uri = new StringBuilder(protocol(smtp))
                .append("://")
                .append(smtp.host())
                .append(':')
                .append(smtp.port())
                .append("?javaMailProperties=#")
                .append(PROPERTIES_BEAN);
        if (!smtp.username().isEmpty()) {
            uri.append("&username=").append(URLEncoder.encode(smtp.username(), StandardCharsets.UTF_8));
            uri.append("&password=RAW(").append(smtp.password()).append(')');
        }
        return uri.toString();
    }

    /**
     * @param socketFactory the TLS socket factory of the configured SSL bundle; {@code null} for the JVM's
     *     default trust
     */
    public static Properties properties(Smtp smtp, SSLSocketFactory socketFactory) {
        String protocol = protocol(smtp);
        String prefix = "mail." + protocol + ".";
        String timeout = Long.toString(smtp.timeout().toMillis());
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", protocol);
        properties.put(prefix + "host", smtp.host());
        properties.put(prefix + "port", Integer.toString(smtp.port()));
        properties.put(prefix + "connectiontimeout", timeout);
        properties.put(prefix + "timeout", timeout);
        properties.put(prefix + "writetimeout", timeout);
        properties.put(prefix + "auth", Boolean.toString(!smtp.username().isEmpty()));
        if (smtp.security() == SmtpSecurity.NONE) {
            return properties;
        }
        if (smtp.security() == SmtpSecurity.STARTTLS) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        } else {
            properties.put(prefix + "ssl.enable", "true");
        }
        properties.put(prefix + "ssl.checkserveridentity", "true");
        if (socketFactory != null) {
            properties.put(prefix + "ssl.socketFactory", socketFactory);
        }
        return properties;
    }
}
