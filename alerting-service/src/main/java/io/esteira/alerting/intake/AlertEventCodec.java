package io.esteira.alerting.intake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.ContractViolationException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads and writes {@code esteira.alert-event/1}. The one place the service turns bytes into an
 * {@link AlertEvent}: a message that does not satisfy the contract raises {@link ContractViolationException}
 * naming the field at fault.
 */
public final class AlertEventCodec {

    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    public AlertEvent read(byte[] bytes) {
        AlertEvent event;
        try {
            event = json.readValue(bytes, AlertEvent.class);
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty()
                    ? ContractViolationException.ROOT
                    : e.getPath().get(0).getFieldName();
            String reason = e instanceof InvalidFormatException ? "has an invalid value" : "does not fit the contract";
            throw new ContractViolationException(field, field + " " + reason + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ContractViolationException(ContractViolationException.ROOT, "not JSON: " + e.getMessage(), e);
        }
        if (event == null) {
            throw new ContractViolationException(ContractViolationException.ROOT, "empty message");
        }
        if (!AlertEvent.SCHEMA.equals(event.schema())) {
            throw new ContractViolationException("schema", "schema must be " + AlertEvent.SCHEMA);
        }
        require("id", event.id());
        require("source", event.source());
        require("kind", event.kind());
        require("severity", event.severity());
        require("summary", event.summary());
        require("fingerprint", event.fingerprint());
        require("status", event.status());
        require("occurredAt", event.occurredAt());
        return event;
    }

    public byte[] write(AlertEvent event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void require(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new ContractViolationException(field, field + " is required");
        }
    }
}
