package io.esteira.alerting.intake;

import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.ContractCodec;
import io.esteira.contracts.ContractViolationException;

/**
 * Reads and writes {@code esteira.alert-event/1} through the shared {@link ContractCodec} (size limits,
 * JSON Schema, binding). The one place the service turns bytes into an {@link AlertEvent}: a message
 * that breaks the contract raises {@link ContractViolationException} naming the field at fault.
 */
public final class AlertEventCodec {

    private final ContractCodec codec;

    public AlertEventCodec(ContractCodec codec) {
        this.codec = codec;
    }

    public AlertEvent read(byte[] bytes) {
        return codec.readAlertEvent(bytes);
    }

    public byte[] write(AlertEvent event) {
        return codec.write(event);
    }
}
