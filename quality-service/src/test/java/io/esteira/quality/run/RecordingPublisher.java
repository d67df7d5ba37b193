package io.esteira.quality.run;

import io.esteira.contracts.AlertEvent;
import io.esteira.runtime.alert.AlertPublisher;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link AlertPublisher} that keeps the events instead of sending them. */
final class RecordingPublisher extends AlertPublisher {

    final List<AlertEvent> events = new CopyOnWriteArrayList<>();

    RecordingPublisher() {
        super(null, "quality-service", Clock.systemUTC());
    }

    @Override
    public void publish(AlertEvent event) {
        events.add(event);
    }
}
