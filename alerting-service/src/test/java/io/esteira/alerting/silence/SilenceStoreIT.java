package io.esteira.alerting.silence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.alerting.DwTestSchema;
import io.esteira.alerting.MutableClock;
import io.esteira.alerting.model.Matcher;
import io.esteira.alerting.model.Matchers;
import io.esteira.embedded.junit.PostgresDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** Silences in {@code ctl.alert_silence} of a real PostgreSQL DW. */
class SilenceStoreIT {

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("alerting_silences");

    @BeforeAll
    static void migrate() {
        DwTestSchema.create(dw);
    }

    @BeforeEach
    void empty() {
        new JdbcTemplate(dw.dataSource()).execute("TRUNCATE ctl.alert_silence");
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final SilenceStore store = new SilenceStore(dw.dataSource(), clock, Duration.ofDays(1));
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

    @Test
    void shouldKeepSilencesForANewStoreOnTheSameDatabase() {
        Silence silence = store.create(ordersSla, null, clock.instant().plusSeconds(3600), "ops", "deploy");

        SilenceStore restarted = new SilenceStore(dw.dataSource(), clock, Duration.ofDays(1));

        assertThat(restarted.isSilenced(ordersSlaLabels)).isTrue();
        assertThat(restarted.get(silence.id())).hasValueSatisfying(s -> {
            assertThat(s.matchers()).isEqualTo(ordersSla);
            assertThat(s.createdBy()).isEqualTo("ops");
        });
    }

    @Test
    void shouldExtendAnActiveSilenceInPlaceWhenItsMatchersStayTheSame() {
        Silence silence = store.create(ordersSla, null, clock.instant().plusSeconds(3600), "ops", "deploy");
        clock.advance(Duration.ofMinutes(10));

        Silence updated = store.update(
                        silence.id(), ordersSla, null, clock.instant().plusSeconds(7200), "ops", "longer deploy")
                .orElseThrow();

        assertThat(updated.id()).isEqualTo(silence.id());
        assertThat(updated.startsAt()).isEqualTo(silence.startsAt());
        assertThat(updated.endsAt()).isEqualTo(clock.instant().plusSeconds(7200));
        assertThat(updated.comment()).isEqualTo("longer deploy");
        assertThat(store.list()).singleElement();
    }

    @Test
    void shouldReplaceAnActiveSilenceWhoseMatchersChangeAndExpireTheOldOne() {
        Silence silence = store.create(ordersSla, null, clock.instant().plusSeconds(3600), "ops", "");
        Matchers customersSla = new Matchers(List.of(Matcher.parse("entity=customers"), Matcher.parse("kind=sla")));

        Silence replacement = store.update(
                        silence.id(), customersSla, null, clock.instant().plusSeconds(3600), "ops", "")
                .orElseThrow();

        assertThat(replacement.id()).isNotEqualTo(silence.id());
        assertThat(store.get(silence.id()).orElseThrow().state(clock.instant())).isEqualTo(Silence.State.EXPIRED);
        assertThat(store.isSilenced(ordersSlaLabels)).isFalse();
        assertThat(store.isSilenced(Map.of("entity", "customers", "kind", "sla")))
                .isTrue();
    }

    @Test
    void shouldReplaceAnExpiredSilenceAndRefuseAnUnknownId() {
        Silence silence = store.create(ordersSla, null, clock.instant().plusSeconds(60), "ops", "");
        clock.advance(Duration.ofMinutes(2));

        Silence again = store.update(
                        silence.id(), ordersSla, null, clock.instant().plusSeconds(60), "ops", "")
                .orElseThrow();

        assertThat(again.id()).isNotEqualTo(silence.id());
        assertThat(store.isSilenced(ordersSlaLabels)).isTrue();
        assertThat(store.update("no-such-id", ordersSla, null, clock.instant().plusSeconds(60), "ops", ""))
                .isEmpty();
    }

    @Test
    void shouldListTheSilencesWhoseMatchersTheFilterMatches() {
        Silence orders = store.create(ordersSla, null, clock.instant().plusSeconds(3600), "ops", "");
        Silence customers = store.create(
                new Matchers(List.of(Matcher.parse("entity=customers"))),
                null,
                clock.instant().plusSeconds(3600),
                "ops",
                "");

        assertThat(ids(store.list(filter("entity=orders")))).containsExactly(orders.id());
        assertThat(ids(store.list(filter("entity!=orders")))).containsExactly(customers.id());
        assertThat(ids(store.list(filter("entity=~ord.*|cust.*"))))
                .containsExactlyInAnyOrder(orders.id(), customers.id());
        assertThat(ids(store.list(filter("entity!~ord.*")))).containsExactly(customers.id());
        assertThat(ids(store.list(filter("entity=~.+", "kind=sla")))).containsExactly(orders.id());
        assertThat(store.list(Matchers.ANY)).hasSize(2);
    }

    private static Matchers filter(String... matchers) {
        return new Matchers(List.of(matchers).stream().map(Matcher::parse).toList());
    }

    private static List<String> ids(List<Silence> silences) {
        return silences.stream().map(Silence::id).toList();
    }
}
