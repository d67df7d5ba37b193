package io.esteira.alerting.config;

import io.esteira.alerting.config.AlertingProperties.EmailReceiver;
import io.esteira.alerting.config.AlertingProperties.InhibitRuleProperties;
import io.esteira.alerting.config.AlertingProperties.ReceiverProperties;
import io.esteira.alerting.config.AlertingProperties.Retry;
import io.esteira.alerting.config.AlertingProperties.RouteProperties;
import io.esteira.alerting.config.AlertingProperties.WebhookReceiver;
import io.esteira.alerting.delivery.Templates;
import io.esteira.alerting.delivery.WebhookTargetPolicy;
import io.esteira.alerting.delivery.WebhookTargetRefusedException;
import io.esteira.alerting.model.Labels;
import io.esteira.alerting.model.Matcher;
import io.esteira.alerting.model.Matchers;
import io.esteira.alerting.routing.RouteNode;
import io.esteira.alerting.silence.InhibitRule;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Checks {@link AlertingProperties} as a whole and builds the {@link AlertingSetup}: every route names
 * an existing receiver and has matchers that parse, every receiver is complete for its type, webhook
 * URLs pass the allow-list, templates use known placeholders. All errors are collected, each naming
 * the property path at fault, and thrown together.
 */
public final class AlertingConfigValidator {

    static final String PREFIX = "esteira.alerting";
    public static final String FALLBACK_ROUTE_ID = PREFIX + ".delivery.fallback-receiver";

    private static final Pattern RECEIVER_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Set<String> RESERVED_HEADERS = Set.of("host", "content-length", "transfer-encoding");

    private static final List<String> DEFAULT_GROUP_BY = List.of(Labels.FINGERPRINT);
    private static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);
    private static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);
    private static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);

    private final List<String> errors = new ArrayList<>();
    private final AlertingProperties properties;
    private final WebhookTargetPolicy webhookPolicy;

    private AlertingConfigValidator(AlertingProperties properties, WebhookTargetPolicy webhookPolicy) {
        this.properties = properties;
        this.webhookPolicy = webhookPolicy;
    }

    /** @throws InvalidAlertingConfigurationException listing every problem found */
    public static AlertingSetup validate(AlertingProperties properties, WebhookTargetPolicy webhookPolicy) {
        return new AlertingConfigValidator(properties, webhookPolicy).run();
    }

    private AlertingSetup run() {
        Map<String, ReceiverProperties> receivers = new TreeMap<>(properties.receivers());
        receivers.forEach(this::checkReceiver);
        RouteProperties rootProperties = properties.route();
        if (!rootProperties.matchers().isEmpty()) {
            errors.add(PREFIX + ".route.matchers must be empty: the root route takes every alert that no child"
                    + " route takes");
        }
        if (rootProperties.receiver() == null || rootProperties.receiver().isBlank()) {
            errors.add(PREFIX + ".route.receiver is not set: name the receiver of alerts no other route takes");
        }
        RouteNode defaults = new RouteNode(
                PREFIX + ".route",
                Matchers.ANY,
                null,
                DEFAULT_GROUP_BY,
                DEFAULT_GROUP_WAIT,
                DEFAULT_GROUP_INTERVAL,
                DEFAULT_REPEAT_INTERVAL,
                false,
                List.of());
        RouteNode root = route(PREFIX + ".route", rootProperties, defaults);
        List<InhibitRule> rules = new ArrayList<>();
        for (int i = 0; i < properties.inhibitRules().size(); i++) {
            rules.add(inhibitRule(
                    PREFIX + ".inhibit-rules[" + i + "]",
                    properties.inhibitRules().get(i)));
        }
        Optional<RouteNode> fallback = Optional.empty();
        String fallbackReceiver = properties.delivery().fallbackReceiver();
        if (fallbackReceiver != null && !fallbackReceiver.isBlank()) {
            if (!receivers.containsKey(fallbackReceiver)) {
                errors.add(PREFIX + ".delivery.fallback-receiver '" + fallbackReceiver + "' names no receiver in "
                        + PREFIX + ".receivers: add it or fix the name");
            } else {
                fallback = Optional.of(new RouteNode(
                        FALLBACK_ROUTE_ID,
                        Matchers.ANY,
                        fallbackReceiver,
                        DEFAULT_GROUP_BY,
                        Duration.ZERO,
                        root.groupInterval(),
                        root.repeatInterval(),
                        false,
                        List.of()));
            }
        }
        checkSmtp(PREFIX + ".smtp", properties.smtp());
        if (properties.flushInterval().isNegative()
                || properties.flushInterval().isZero()) {
            errors.add(PREFIX + ".flush-interval must be positive");
        }
        if (!errors.isEmpty()) {
            throw new InvalidAlertingConfigurationException(errors);
        }
        return new AlertingSetup(root, rules, receivers, fallback);
    }

    private RouteNode route(String path, RouteProperties p, RouteNode parent) {
        List<Matcher> matchers = new ArrayList<>();
        for (int i = 0; i < p.matchers().size(); i++) {
            try {
                matchers.add(Matcher.parse(p.matchers().get(i)));
            } catch (IllegalArgumentException e) {
                errors.add(path + ".matchers[" + i + "]: " + e.getMessage());
            }
        }
        String receiver = p.receiver() == null || p.receiver().isBlank() ? parent.receiver() : p.receiver();
        if (receiver != null && !properties.receivers().containsKey(receiver)) {
            errors.add(path + ".receiver '" + receiver + "' names no receiver in " + PREFIX
                    + ".receivers: add it or fix the name");
        }
        List<String> groupBy = p.groupBy() == null ? parent.groupBy() : p.groupBy();
        if (groupBy.contains("...")) {
            groupBy = List.of(Labels.FINGERPRINT);
        }
        for (String label : groupBy) {
            if (!Labels.NAMES.contains(label)) {
                errors.add(path + ".group-by names unknown label '" + label + "': use " + Labels.NAMES + " or ...");
            }
        }
        Duration groupWait = orElse(p.groupWait(), parent.groupWait());
        Duration groupInterval = orElse(p.groupInterval(), parent.groupInterval());
        Duration repeatInterval = orElse(p.repeatInterval(), parent.repeatInterval());
        if (groupWait.isNegative()) {
            errors.add(path + ".group-wait must not be negative");
        }
        if (groupInterval.isNegative() || groupInterval.isZero()) {
            errors.add(path + ".group-interval must be positive");
        }
        if (repeatInterval.isNegative() || repeatInterval.isZero()) {
            errors.add(path + ".repeat-interval must be positive");
        }
        RouteNode self = new RouteNode(
                path,
                new Matchers(matchers),
                receiver,
                groupBy,
                groupWait,
                groupInterval,
                repeatInterval,
                Boolean.TRUE.equals(p.continueMatching()),
                List.of());
        List<RouteNode> children = new ArrayList<>();
        for (int i = 0; i < p.routes().size(); i++) {
            children.add(route(path + ".routes[" + i + "]", p.routes().get(i), self));
        }
        return new RouteNode(
                path,
                self.matchers(),
                receiver,
                groupBy,
                groupWait,
                groupInterval,
                repeatInterval,
                self.continueMatching(),
                children);
    }

    private void checkSmtp(String path, AlertingProperties.Smtp smtp) {
        boolean usesEmail = properties.receivers().values().stream()
                .anyMatch(r -> r.type() == AlertingProperties.ReceiverType.EMAIL);
        if (!usesEmail) {
            return;
        }
        if (smtp.security() == AlertingProperties.SmtpSecurity.NONE
                && !smtp.username().isEmpty()) {
            errors.add(path + ".username is set but " + path + ".security is none: the password would cross the"
                    + " network in clear; set " + path + ".security to starttls or smtps");
        }
        if (smtp.security() == AlertingProperties.SmtpSecurity.NONE
                && !smtp.sslBundle().isEmpty()) {
            errors.add(path + ".ssl-bundle is set but " + path + ".security is none: set it to starttls or smtps,"
                    + " or remove the bundle");
        }
        if (smtp.port() < 1 || smtp.port() > 65535) {
            errors.add(path + ".port " + smtp.port() + " is not a TCP port (1-65535)");
        }
    }

    private static Duration orElse(Duration value, Duration inherited) {
        return value == null ? inherited : value;
    }

    private void checkReceiver(String name, ReceiverProperties receiver) {
        String path = PREFIX + ".receivers." + name;
        if (!RECEIVER_NAME.matcher(name).matches()) {
            errors.add(path + ": receiver names use lower-case letters, digits and '-' only (they name Camel routes)");
        }
        if (receiver.type() == null) {
            errors.add(path + ".type is not set: use email, webhook or log");
            return;
        }
        switch (receiver.type()) {
            case EMAIL -> checkEmail(path + ".email", receiver.email());
            case WEBHOOK -> checkWebhook(path + ".webhook", receiver.webhook());
            case LOG -> {}
        }
        checkRetry(path + ".retry", receiver.retry());
    }

    private void checkEmail(String path, EmailReceiver email) {
        if (email == null || email.to().isEmpty()) {
            errors.add(path + ".to is empty: an email receiver needs at least one recipient");
            return;
        }
        for (int i = 0; i < email.to().size(); i++) {
            checkAddress(path + ".to[" + i + "]", email.to().get(i));
        }
        for (int i = 0; i < email.cc().size(); i++) {
            checkAddress(path + ".cc[" + i + "]", email.cc().get(i));
        }
        if (email.from() != null && !email.from().isBlank()) {
            checkAddress(path + ".from", email.from());
        }
        checkTemplate(path + ".subject", email.subject());
        checkTemplate(path + ".body", email.body());
    }

    private void checkAddress(String path, String address) {
        try {
            if (address == null || !Templates.singleLine(address).equals(address)) {
                throw new AddressException("contains a line break or control character");
            }
            new InternetAddress(address, true).validate();
        } catch (AddressException e) {
            errors.add(path + " '" + address + "' is not a valid email address (" + e.getMessage() + ")");
        }
    }

    private void checkTemplate(String path, String template) {
        if (template != null) {
            Set<String> unknown = Templates.unknownPlaceholders(template);
            if (!unknown.isEmpty()) {
                errors.add(path + " uses unknown placeholders " + unknown + ": use " + Templates.NAMES
                        + ", details.<key> or links.<key>");
            }
        }
    }

    private void checkWebhook(String path, WebhookReceiver webhook) {
        if (webhook == null || webhook.url() == null || webhook.url().isBlank()) {
            errors.add(path + ".url is not set: a webhook receiver needs the URL to POST to");
            return;
        }
        try {
            webhookPolicy.check(webhook.url());
        } catch (WebhookTargetRefusedException e) {
            errors.add(path + ".url is refused: " + e.getMessage());
        }
        webhook.headers().forEach((header, value) -> {
            if (!HEADER_NAME.matcher(header).matches() || RESERVED_HEADERS.contains(header.toLowerCase())) {
                errors.add(path + ".headers." + header + " is not a header name a receiver may set");
            }
            if (value == null || !Templates.singleLine(value).equals(value)) {
                errors.add(path + ".headers." + header + " contains a line break or control character: remove it");
            }
        });
        if (webhook.secret() != null && webhook.secret().isBlank()) {
            errors.add(path + ".secret is blank: set a secret or remove the property");
        }
    }

    private void checkRetry(String path, Retry retry) {
        if (retry.maxAttempts() < 1) {
            errors.add(path + ".max-attempts must be at least 1");
        }
        if (retry.initialDelay().isNegative()) {
            errors.add(path + ".initial-delay must not be negative");
        }
        if (retry.multiplier() < 1.0) {
            errors.add(path + ".multiplier must be at least 1");
        }
        if (retry.maxDelay().compareTo(retry.initialDelay()) < 0) {
            errors.add(path + ".max-delay must not be shorter than initial-delay");
        }
        if (retry.jitter() < 0.0 || retry.jitter() > 1.0) {
            errors.add(path + ".jitter must be between 0 and 1");
        }
    }

    private InhibitRule inhibitRule(String path, InhibitRuleProperties p) {
        List<Matcher> source = new ArrayList<>();
        List<Matcher> target = new ArrayList<>();
        for (int i = 0; i < p.sourceMatchers().size(); i++) {
            try {
                source.add(Matcher.parse(p.sourceMatchers().get(i)));
            } catch (IllegalArgumentException e) {
                errors.add(path + ".source-matchers[" + i + "]: " + e.getMessage());
            }
        }
        for (int i = 0; i < p.targetMatchers().size(); i++) {
            try {
                target.add(Matcher.parse(p.targetMatchers().get(i)));
            } catch (IllegalArgumentException e) {
                errors.add(path + ".target-matchers[" + i + "]: " + e.getMessage());
            }
        }
        if (p.sourceMatchers().isEmpty() || p.targetMatchers().isEmpty()) {
            errors.add(path + " needs source-matchers and target-matchers: without them it would mute everything");
        }
        for (String label : p.equal()) {
            if (!Labels.NAMES.contains(label)) {
                errors.add(path + ".equal names unknown label '" + label + "': use " + Labels.NAMES);
            }
        }
        return new InhibitRule(new Matchers(source), new Matchers(target), p.equal());
    }
}
