package io.esteira.alerting.delivery;

import java.util.List;

/** A rendered email: every header value is a single line. */
public record EmailMessage(String from, List<String> to, List<String> cc, String subject, String body) {

    public EmailMessage {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
    }
}
