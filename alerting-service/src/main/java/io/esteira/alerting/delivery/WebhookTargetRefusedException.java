package io.esteira.alerting.delivery;

/** A webhook URL the allow-list does not permit. */
public class WebhookTargetRefusedException extends RuntimeException {

    public WebhookTargetRefusedException(String message) {
        super(message);
    }
}
