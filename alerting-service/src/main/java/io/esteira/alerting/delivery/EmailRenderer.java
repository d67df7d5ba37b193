package io.esteira.alerting.delivery;

import io.esteira.alerting.config.AlertingProperties.EmailReceiver;
import io.esteira.alerting.dispatch.Notification;
import io.esteira.alerting.dispatch.NotifiedAlert;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a notification as an email. Addresses come from configuration only; the subject, the one
 * header that carries event text, is reduced to a single line so that a CR/LF in an event field cannot
 * add headers.
 */
public final class EmailRenderer {

    public static final String DEFAULT_SUBJECT = "[{status}] {severity} {kind} {entity}: {summary}";
    public static final String DEFAULT_BODY =
            """
            {status}: {summary}
            severity: {severity}, kind: {kind}, source: {source}, entity: {entity}
            since: {startsAt}
            {details}
            {links}
            fingerprint: {fingerprint}""";

    private static final String SEPARATOR = "\n\n----\n\n";

    private EmailRenderer() {}

    public static EmailMessage render(Notification notification, EmailReceiver receiver, String defaultFrom) {
        String subjectTemplate = receiver.subject() == null ? DEFAULT_SUBJECT : receiver.subject();
        String bodyTemplate = receiver.body() == null ? DEFAULT_BODY : receiver.body();
        NotifiedAlert first = notification.alerts().get(0);
        String subject = Templates.singleLine(Templates.render(subjectTemplate, notification, first));
        if (notification.alerts().size() > 1) {
            subject = Templates.singleLine(
                    subject + " (+" + (notification.alerts().size() - 1) + " more)");
        }
        List<String> parts = new ArrayList<>();
        for (NotifiedAlert alert : notification.alerts()) {
            parts.add(Templates.render(bodyTemplate, notification, alert));
        }
        String from = receiver.from() == null || receiver.from().isBlank() ? defaultFrom : receiver.from();
        return new EmailMessage(
                Templates.singleLine(from), receiver.to(), receiver.cc(), subject, String.join(SEPARATOR, parts));
    }
}
