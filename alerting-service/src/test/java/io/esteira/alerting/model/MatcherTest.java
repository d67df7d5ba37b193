package io.esteira.alerting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MatcherTest {

    private static final Map<String, String> LABELS =
            Map.of("source", "loader-service", "kind", "sla", "severity", "critical", "entity", "orders");

    @Test
    void shouldMatchOnEqualityAndInequality() {
        assertThat(Matcher.parse("severity=critical").matches(LABELS)).isTrue();
        assertThat(Matcher.parse("severity!=critical").matches(LABELS)).isFalse();
        assertThat(Matcher.parse("entity = \"orders\"").matches(LABELS)).isTrue();
    }

    @Test
    void shouldAnchorRegularExpressionsToTheWholeValue() {
        assertThat(Matcher.parse("entity=~orders|customers").matches(LABELS)).isTrue();
        assertThat(Matcher.parse("entity=~order").matches(LABELS)).isFalse();
        assertThat(Matcher.parse("source!~extractor-.*").matches(LABELS)).isTrue();
    }

    @Test
    void shouldTreatAnAbsentLabelAsEmpty() {
        assertThat(Matcher.parse("entity=").matches(Map.of())).isTrue();
        assertThat(Matcher.parse("entity!=").matches(Map.of())).isFalse();
    }

    @Test
    void shouldRefuseUnknownLabelsBadRegexAndMissingOperator() {
        assertThatThrownBy(() -> Matcher.parse("team=data")).hasMessageContaining("label 'team' is unknown");
        assertThatThrownBy(() -> Matcher.parse("entity=~(orders")).hasMessageContaining("regular expression");
        assertThatThrownBy(() -> Matcher.parse("severity")).hasMessageContaining("has no operator");
    }
}
