package io.esteira.local.stack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where the demo's alerts land: an SMTP server (GreenMail) and a webhook receiver, both on loopback,
 * and a page at {@code http://127.0.0.1:<port>/} that lists what they received.
 */
public final class AlertSink implements AutoCloseable {

    /** A webhook call as received. */
    public record Webhook(Instant at, String body) {}

    private final GreenMail smtp;
    private final HttpServer http;
    private final List<Webhook> webhooks = new CopyOnWriteArrayList<>();

    private AlertSink(GreenMail smtp, HttpServer http) {
        this.smtp = smtp;
        this.http = http;
    }

    public static AlertSink start() {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            AlertSink sink = new AlertSink(smtp, http);
            http.createContext("/webhook", sink::receive);
            http.createContext("/", sink::page);
            http.start();
            return sink;
        } catch (IOException e) {
            smtp.stop();
            throw new UncheckedIOException("Cannot start the local webhook sink", e);
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

    public List<Webhook> webhooks() {
        return List.copyOf(webhooks);
    }

    public int emails() {
        return smtp.getReceivedMessages().length;
    }

    private void receive(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        webhooks.add(new Webhook(Instant.now(), new String(body, StandardCharsets.UTF_8)));
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    private void page(HttpExchange exchange) throws IOException {
        StringBuilder html = new StringBuilder("<!doctype html><meta charset=utf-8><title>Esteira alerts</title>"
                + "<meta http-equiv=refresh content=5><h1>Alerts delivered by the demo</h1>");
        html.append("<h2>Webhooks (").append(webhooks.size()).append(")</h2>");
        List<Webhook> recent = new ArrayList<>(webhooks);
        java.util.Collections.reverse(recent);
        for (Webhook webhook : recent) {
            html.append("<p><b>")
                    .append(webhook.at())
                    .append("</b><pre>")
                    .append(escape(webhook.body()))
                    .append("</pre>");
        }
        MimeMessage[] mails = smtp.getReceivedMessages();
        html.append("<h2>Emails (").append(mails.length).append(")</h2>");
        for (int i = mails.length - 1; i >= 0; i--) {
            try {
                html.append("<p><b>")
                        .append(escape(mails[i].getSubject()))
                        .append("</b><pre>")
                        .append(escape(String.valueOf(mails[i].getContent())))
                        .append("</pre>");
            } catch (Exception e) {
                html.append("<p>(unreadable message: ")
                        .append(escape(e.getMessage()))
                        .append(")");
            }
        }
        byte[] body = html.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        http.stop(0);
        smtp.stop();
    }
}
