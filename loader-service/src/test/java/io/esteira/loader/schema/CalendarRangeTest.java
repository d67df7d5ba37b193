package io.esteira.loader.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalendarRangeTest {

    @Test
    void shouldDefaultToTheYears2015To2035() {
        assertThat(CalendarRange.DEFAULT.placeholders())
                .containsExactlyInAnyOrderEntriesOf(Map.of("calendarFrom", "2015-01-01", "calendarTo", "2035-12-31"));
        assertThat(CalendarRange.DEFAULT.days()).isEqualTo(7670);
    }

    @Test
    void shouldReadPlaceholdersWhateverTheirCase() {
        CalendarRange range =
                CalendarRange.fromPlaceholders(Map.of("calendarfrom", "2020-02-01", "CALENDARTO", "2020-02-29"));

        assertThat(range).isEqualTo(new CalendarRange(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 2, 29)));
        assertThat(range.days()).isEqualTo(29);
    }

    @Test
    void shouldRefuseAnEndBeforeTheStartNamingBothProperties() {
        assertThatThrownBy(() -> new CalendarRange(LocalDate.of(2030, 1, 1), LocalDate.of(2020, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("esteira.dw.calendar.from")
                .hasMessageContaining("esteira.dw.calendar.to");
    }

    @Test
    void shouldRefuseSomethingThatIsNotADateNamingTheProperty() {
        assertThatThrownBy(() -> CalendarRange.fromPlaceholders(
                        Map.of("calendarFrom", "2015-01-01'; DROP SCHEMA dim; --", "calendarTo", "2035-12-31")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("esteira.dw.calendar.from is '2015-01-01'; DROP");
    }

    @Test
    void shouldRefuseAMissingPlaceholder() {
        assertThatThrownBy(() -> CalendarRange.fromPlaceholders(Map.of("calendarFrom", "2015-01-01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("esteira.dw.calendar.to is missing");
    }

    @Test
    void shouldRefuseDaysOutsideTheScd2Bounds() {
        assertThatThrownBy(() -> new CalendarRange(LocalDate.of(1899, 12, 31), LocalDate.of(2000, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1900-01-01");
        assertThatThrownBy(() -> new CalendarRange(LocalDate.of(2000, 1, 1), LocalDate.of(9999, 12, 31)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9999-12-30");
    }
}
