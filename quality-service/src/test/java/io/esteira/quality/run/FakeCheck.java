package io.esteira.quality.run;

import io.esteira.contracts.AlertEvent;
import io.esteira.quality.check.Check;
import io.esteira.quality.check.CheckDefinition;
import io.esteira.quality.check.CheckKind;
import io.esteira.quality.check.Evaluation;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/** A check that answers the evaluations it is given, in order (the last one repeats). */
final class FakeCheck implements Check {

    private final CheckDefinition definition;
    private final Deque<Supplier<Evaluation>> answers = new ArrayDeque<>();
    private List<String> entities = List.of();
    int runs;

    FakeCheck(String id, CheckKind kind) {
        this(id, kind, "0 * * * * ?");
    }

    FakeCheck(String id, CheckKind kind, String schedule) {
        this.definition =
                new CheckDefinition(id, kind, schedule, ZoneId.of("UTC"), AlertEvent.Severity.critical, "a fake check");
    }

    /** Makes it a check that judges these entities one by one. */
    FakeCheck watching(String... entities) {
        this.entities = List.of(entities);
        return this;
    }

    @Override
    public List<String> entities() {
        return entities;
    }

    FakeCheck then(Supplier<Evaluation> answer) {
        answers.add(answer);
        return this;
    }

    @Override
    public CheckDefinition definition() {
        return definition;
    }

    @Override
    public Evaluation evaluate() {
        runs++;
        Supplier<Evaluation> answer = answers.size() > 1 ? answers.poll() : answers.peek();
        return answer.get();
    }
}
