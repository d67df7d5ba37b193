package io.esteira.alerting.silence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.alerting.MutableClock;
import io.esteira.alerting.model.Matcher;
import io.esteira.alerting.model.Matchers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SilenceStoreTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final SilenceStore store = new SilenceStore(clock, Duration.ofDays(1));
    private final Matchers ordersSla = new Matchers(List.of(Matcher.parse("entity=orders"), Matcher.parse("kind=sla")));
    private final Map<String, String> ordersSlaLabels = Map.of("entity", "orders", "kind", "sla");

    @Test
    void shouldMuteOnlyBetweenStartAndEnd() {
        store.create(ordersSla, clock.instant().plusSeconds(60), clock.instant().plusSeconds(120), "ops", "deploy");

        assertThat(store.isSilenced(ordersSlaLabels)).as("pending").isFalse();
        clock.advance(Duration.ofSeconds(60));
        assertThat(store.isSilenced(ordersSlaLabels)).as("active").isTrue();
        assertThat(store.isSilenced(Map.of("entity", "customers", "kind", "sla")))
                .isFalse();
        clock.advance(Duration.ofSeconds(60));
        assertThat(store.isSilenced(ordersSlaLabels)).as("expired").isFalse();
    }

    @Test
    void shouldExpireASilenceNowAndKeepListingIt() {
        Silence silence = store.create(ordersSla, null, clock.instant().plusSeconds(3600), "ops", "");

        store.expire(silence.id());

        assertThat(store.isSilenced(ordersSlaLabels)).isFalse();
        assertThat(store.list()).singleElement().satisfies(s -> assertThat(s.state(clock.instant()))
                .isEqualTo(Silence.State.EXPIRED));
        assertThat(store.expire("no-such-id")).isEmpty();
    }

    @Test
    void shouldRefuseASilenceWithoutMatchersOrEndingInThePast() {
        assertThatThrownBy(
                        () -> store.create(Matchers.ANY, null, clock.instant().plusSeconds(60), "ops", ""))
                .hasMessageContaining("matchers is empty");
        assertThatThrownBy(() -> store.create(ordersSla, null, clock.instant().minusSeconds(1), "ops", ""))
                .hasMessageContaining("endsAt");
    }
}
