package io.esteira.loader.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.embedded.junit.PostgresDatabase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A migration written in the per-vendor style (its own folder per vendor, its own COMMENT ON) still runs
 * after the baseline of ADR 13, and its objects keep their descriptions next to those of
 * {@value DwSchema#DESCRIPTIONS}: what versions V70 and later may still do (the example is V999, after every real version).
 */
class PerVendorMigrationIT {

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("dw_per_vendor");

    @Test
    void shouldRunAPerVendorMigrationAfterTheBaselineAndKeepEveryObjectDescribed() {
        Flyway baseline = DwSchema.flyway(dw.dataSource(), CalendarRange.DEFAULT);
        List<Location> locations =
                new ArrayList<>(Arrays.asList(baseline.getConfiguration().getLocations()));
        locations.add(new Location("classpath:db/dw-per-vendor-example/postgresql"));
        Flyway flyway = Flyway.configure()
                .configuration(baseline.getConfiguration())
                .locations(locations.toArray(Location[]::new))
                .load();

        MigrateResult result = flyway.migrate();

        assertThat(result.success).isTrue();
        assertThat(Arrays.stream(flyway.info().applied()).map(MigrationInfo::getDescription))
                .endsWith("per vendor example", "describe objects");
        DataDictionary dictionary = DataDictionary.read(dw.dataSource());
        assertThat(dictionary.uncommented()).isEmpty();
        assertThat(DescriptionParityIT.objects(dictionary))
                .contains("table ctl.per_vendor_example", "column stg.regions.region_code");
    }
}
