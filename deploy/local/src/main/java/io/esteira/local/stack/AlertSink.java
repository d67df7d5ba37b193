package io.esteira.local.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.esteira.alerting.config.AlertingProperties;
import io.esteira.alerting.delivery.WebhookSignature;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.web.util.HtmlUtils;

/**
 * Where the demo's alerts land: an SMTP server (GreenMail) and a webhook receiver, both on loopback,
 * and a page at {@code http://127.0.0.1:<port>/} that shows what they received, newest first: each
 * email (subject, sender, recipients, body) and each webhook call (receiver, headers with the signature
 * checked against the receiver's secret, the JSON body pretty-printed). The page refreshes its list by
 * itself ({@code sink.js} fetches {@code /deliveries} every few seconds); {@code /api/deliveries} is the
 * same list as JSON.
 *
 * <p>Everything shown is escaped on the server, and the page's Content-Security-Policy runs only the
 * sink's own script: alert text (a check's sample, a batch's error) is data, never markup.
 */
public final class AlertSink implements AutoCloseable {

    /** How far a webhook's timestamp header may be from the sink's clock for its signature to count. */
    static final Duration SIGNATURE_TOLERANCE = Duration.ofMinutes(5);

    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final String RESOURCES = "/io/esteira/local/stack/sink/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a webhook call's signature header says, checked as a receiver would. */
    public enum Signature {
        /** It matches the body and timestamp, keyed with the receiver's secret. */
        VERIFIED,
        /** There is one, and it does not match (or its timestamp is not recent). */
        MISMATCH,
        /** The call has no signature header. */
        UNSIGNED
    }

    /**
     * A webhook call as received.
     *
     * @param path the request path, e.g. {@code /webhook}
     * @param headers the request headers, by name as the HTTP server normalised it
     */
    public record Webhook(Instant at, String path, Map<String, List<String>> headers, String body) {

        public Webhook {
            Map<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((name, values) -> sorted.put(name, List.copyOf(values)));
            headers = Collections.unmodifiableMap(sorted);
        }

        /** The first value of a header, matched without regard to case, or null. */
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e ->
                            e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        /** The body's top-level text field {@code name} (e.g. receiver, status), or null. */
        public String field(String name) {
            JsonNode json = parse(body);
            return json != null && json.path(name).isTextual() ? json.path(name).asText() : null;
        }
    }

    /** An email as received: one per message, whatever the number of recipients. */
    public record Email(
            Instant at, String messageId, String from, List<String> to, List<String> cc, String subject, String body) {

        public Email {
            to = List.copyOf(to);
            cc = List.copyOf(cc);
        }
    }

    private final GreenMail smtp;
    private final HttpServer http;
    private final String secret;
    private final String signatureHeader;
    private final String timestampHeader;
    private final List<Webhook> webhooks = new CopyOnWriteArrayList<>();

    private AlertSink(GreenMail smtp, HttpServer http, String secret) {
        this.smtp = smtp;
        this.http = http;
        this.secret = secret;
        // The header names the alerting service uses unless told otherwise (the demo does not).
        var defaults = new AlertingProperties.Webhook(null, null, null, null, null, null);
        this.signatureHeader = defaults.signatureHeader();
        this.timestampHeader = defaults.timestampHeader();
    }

    /**
     * Starts the sink on free loopback ports.
     *
     * @param webhookSecret the secret the alerting service signs webhook calls with (its receiver's
     *     {@code webhook.secret}), to check their signatures; null when they are not signed
     */
    public static AlertSink start(String webhookSecret) {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            AlertSink sink = new AlertSink(smtp, http, webhookSecret);
            http.createContext("/webhook", sink::receive);
            http.createContext("/", sink::serve);
            http.start();
            return sink;
        } catch (IOException e) {
            smtp.stop();
            throw new UncheckedIOException("Cannot start the local webhook sink on a loopback port", e);
        }
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public String webhookUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/webhook";
    }

    public String pageUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/";
    }

    /** The webhook calls received, oldest first. */
    public List<Webhook> webhooks() {
        return List.copyOf(webhooks);
    }

    /** The emails received, oldest first; a message sent to several recipients counts once. */
    public List<Email> emails() {
        Map<String, Email> byId = new LinkedHashMap<>();
        MimeMessage[] received = smtp.getReceivedMessages();
        for (int i = 0; i < received.length; i++) {
            Email email = email(received[i], i);
            byId.putIfAbsent(email.messageId(), email);
        }
        List<Email> emails = new ArrayList<>(byId.values());
        emails.sort(Comparator.comparing(Email::at));
        return emails;
    }

    /**
     * One alert of a webhook notification in the alerting service's generic format
     * ({@code esteira.notification/1}).
     *
     * @param status firing or resolved
     * @param kind the event's kind, e.g. {@code dlq}, {@code quality}
     * @param details the event's details, e.g. {@code batchId}, {@code check}
     */
    public record NotifiedAlert(
            Instant at, String status, String kind, String fingerprint, String summary, Map<String, String> details) {}

    /** The alerts of every webhook notification received in the generic format, oldest first. */
    public List<NotifiedAlert> alerts() {
        List<NotifiedAlert> alerts = new ArrayList<>();
        for (Webhook webhook : webhooks) {
            JsonNode body = parse(webhook.body());
            if (body == null || !body.path("alerts").isArray()) {
                continue;
            }
            for (JsonNode alert : body.path("alerts")) {
                JsonNode event = alert.path("event");
                Map<String, String> details = new LinkedHashMap<>();
                event.path("details")
                        .fields()
                        .forEachRemaining(
                                e -> details.put(e.getKey(), e.getValue().asText()));
                alerts.add(new NotifiedAlert(
                        webhook.at(),
                        alert.path("status").asText(),
                        event.path("kind").asText(),
                        event.path("fingerprint").asText(),
                        event.path("summary").asText(),
                        details));
            }
        }
        return alerts;
    }

    /**
     * What the sink received, in numbers.
     *
     * @param fired distinct alerts (fingerprints) notified as firing
     * @param resolved distinct alerts notified as resolved
     */
    public record Tally(long fired, long resolved, int webhooks, int emails) {}

    public Tally tally() {
        List<NotifiedAlert> alerts = alerts();
        return new Tally(distinct(alerts, "firing"), distinct(alerts, "resolved"), webhooks.size(), emails().size());
    }

    private static long distinct(List<NotifiedAlert> alerts, String status) {
        return alerts.stream()
                .filter(a -> a.status().equals(status))
                .map(NotifiedAlert::fingerprint)
                .distinct()
                .count();
    }

    /** What the signature header of {@code webhook} says, checked with this sink's secret. */
    public Signature signature(Webhook webhook) {
        String signature = webhook.header(signatureHeader);
        if (signature == null) {
            return Signature.UNSIGNED;
        }
        boolean verified = secret != null
                && WebhookSignature.verify(
                        secret,
                        webhook.header(timestampHeader),
                        webhook.body(),
                        signature,
                        webhook.at(),
                        SIGNATURE_TOLERANCE);
        return verified ? Signature.VERIFIED : Signature.MISMATCH;
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain; charset=utf-8", "POST a notification here.");
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            webhooks.add(new Webhook(
                    Instant.now(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(),
                    new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain; charset=utf-8", "Only GET here.");
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/", "/index.html" -> send(
                        exchange,
                        200,
                        "text/html; charset=utf-8",
                        resource("sink.html").replace("<!--deliveries-->", deliveriesHtml()));
                case "/deliveries" -> send(exchange, 200, "text/html; charset=utf-8", deliveriesHtml());
                case "/api/deliveries" -> send(exchange, 200, "application/json", deliveriesJson());
                case "/sink.js" -> send(exchange, 200, "text/javascript; charset=utf-8", resource("sink.js"));
                case "/sink.css" -> send(exchange, 200, "text/css; charset=utf-8", resource("sink.css"));
                default -> send(exchange, 404, "text/plain; charset=utf-8", "Not here: the sink's page is at /.");
            }
        }
    }

    /** One entry of the list, newest first: a webhook call or an email. */
    private record Delivery(Instant at, Webhook webhook, Email email) {}

    private List<Delivery> deliveries() {
        List<Delivery> all = new ArrayList<>();
        webhooks.forEach(w -> all.add(new Delivery(w.at(), w, null)));
        emails().forEach(e -> all.add(new Delivery(e.at(), null, e)));
        all.sort(Comparator.comparing(Delivery::at).reversed());
        return all;
    }

    /** The list as the page shows it; every received text goes through {@link #escape}. */
    String deliveriesHtml() {
        List<Webhook> calls = webhooks();
        List<Email> mails = emails();
        StringBuilder html = new StringBuilder();
        html.append("<p class=counts><span id=webhook-count>")
                .append(calls.size())
                .append(calls.size() == 1 ? " webhook call" : " webhook calls")
                .append("</span>, <span id=email-count>")
                .append(mails.size())
                .append(mails.size() == 1 ? " email" : " emails")
                .append("</span>, newest first.</p>\n");
        if (calls.isEmpty() && mails.isEmpty()) {
            html.append(
                    "<p class=empty>Nothing delivered yet: alerts show here as the alerting service sends them.</p>\n");
        }
        for (Delivery delivery : deliveries()) {
            if (delivery.webhook() != null) {
                webhookHtml(delivery.webhook(), html);
            } else {
                emailHtml(delivery.email(), html);
            }
        }
        return html.toString();
    }

    private void webhookHtml(Webhook webhook, StringBuilder html) {
        String receiver = webhook.field("receiver");
        String status = webhook.field("status");
        html.append("<article class=\"delivery webhook\">\n<h2><span class=kind>webhook</span> ");
        status(status, html);
        html.append("<time>")
                .append(escape(webhook.at().toString()))
                .append("</time> to receiver <b class=receiver>")
                .append(escape(receiver == null ? "(not named in the body)" : receiver))
                .append("</b> at <code>")
                .append(escape(webhook.path()))
                .append("</code></h2>\n<dl class=headers>\n");
        Signature signature = signature(webhook);
        webhook.headers().forEach((name, values) -> {
            html.append("<dt>").append(escape(name)).append("</dt><dd>").append(escape(String.join(", ", values)));
            if (name.equalsIgnoreCase(signatureHeader)) {
                html.append(
                        signature == Signature.VERIFIED
                                ? " <span class=ok>verified with the receiver's secret</span>"
                                : " <span class=bad>does not match the body and timestamp</span>");
            }
            html.append("</dd>\n");
        });
        if (signature == Signature.UNSIGNED) {
            html.append("<dt>").append(escape(signatureHeader)).append("</dt><dd class=bad>none: unsigned</dd>\n");
        }
        html.append("</dl>\n<pre class=body>")
                .append(escape(pretty(webhook.body())))
                .append("</pre>\n</article>\n");
    }

    private static void emailHtml(Email email, StringBuilder html) {
        html.append("<article class=\"delivery email\">\n<h2><span class=kind>email</span> <time>")
                .append(escape(email.at().toString()))
                .append("</time> <span class=subject>")
                .append(escape(email.subject()))
                .append("</span></h2>\n<dl class=headers>\n<dt>From</dt><dd>")
                .append(escape(email.from()))
                .append("</dd>\n<dt>To</dt><dd class=to>")
                .append(escape(String.join(", ", email.to())))
                .append("</dd>\n");
        if (!email.cc().isEmpty()) {
            html.append("<dt>Cc</dt><dd>")
                    .append(escape(String.join(", ", email.cc())))
                    .append("</dd>\n");
        }
        html.append("</dl>\n<pre class=body>").append(escape(email.body())).append("</pre>\n</article>\n");
    }

    private static void status(String status, StringBuilder html) {
        if (status != null) {
            String css = status.equals("firing") || status.equals("resolved") ? status : "other";
            html.append("<span class=\"status ")
                    .append(css)
                    .append("\">")
                    .append(escape(status))
                    .append("</span> ");
        }
    }

    private String deliveriesJson() throws JsonProcessingException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Delivery delivery : deliveries()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("at", delivery.at().toString());
            if (delivery.webhook() != null) {
                Webhook webhook = delivery.webhook();
                entry.put("kind", "webhook");
                entry.put("path", webhook.path());
                entry.put("receiver", webhook.field("receiver"));
                entry.put("status", webhook.field("status"));
                entry.put("signature", signature(webhook).name().toLowerCase(Locale.ROOT));
                entry.put("headers", webhook.headers());
                JsonNode body = parse(webhook.body());
                entry.put("body", body != null ? body : webhook.body());
            } else {
                Email email = delivery.email();
                entry.put("kind", "email");
                entry.put("messageId", email.messageId());
                entry.put("from", email.from());
                entry.put("to", email.to());
                entry.put("cc", email.cc());
                entry.put("subject", email.subject());
                entry.put("body", email.body());
            }
            list.add(entry);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("webhooks", webhooks.size());
        answer.put("emails", emails().size());
        answer.put("deliveries", list);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer);
    }

    private static Email email(MimeMessage message, int index) {
        try {
            Instant at = message.getReceivedDate() != null
                    ? message.getReceivedDate().toInstant()
                    : message.getSentDate() != null ? message.getSentDate().toInstant() : Instant.EPOCH;
            String id = message.getMessageID() != null ? message.getMessageID() : "#" + index;
            return new Email(
                    at,
                    id,
                    addresses(message.getFrom()),
                    addressList(message.getRecipients(Message.RecipientType.TO)),
                    addressList(message.getRecipients(Message.RecipientType.CC)),
                    message.getSubject() == null ? "(no subject)" : message.getSubject(),
                    text(message));
        } catch (MessagingException | IOException e) {
            return new Email(
                    Instant.EPOCH,
                    "#" + index,
                    "",
                    List.of(),
                    List.of(),
                    "(a message the sink cannot read)",
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The text of a message: a text part as it is, the text parts of a multipart joined. */
    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof Multipart multipart) {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                Part inner = multipart.getBodyPart(i);
                if (inner.isMimeType("text/*") || inner.isMimeType("multipart/*")) {
                    texts.add(text(inner));
                }
            }
            return String.join("\n\n", texts);
        }
        if (content instanceof InputStream stream) {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return String.valueOf(content);
    }

    private static String addresses(Address[] addresses) {
        return String.join(", ", addressList(addresses));
    }

    private static List<String> addressList(Address[] addresses) {
        Set<String> list = new LinkedHashSet<>();
        if (addresses != null) {
            for (Address address : addresses) {
                list.add(address.toString());
            }
        }
        return List.copyOf(list);
    }

    /** The body as indented JSON, or as it came when it is not JSON. */
    static String pretty(String body) {
        JsonNode json = parse(body);
        if (json == null) {
            return body;
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            return body;
        }
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json != null && json.isContainerNode() ? json : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AlertSink.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException("The sink's " + name + " is missing from the jar (" + RESOURCES + name + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", contentType);
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        http.stop(0);
        smtp.stop();
    }
}
