package io.esteira.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one source of the warehouse's descriptions reads as its header says, and refuses what it cannot apply. */
class DescriptionsTest {

    private static final String STG =
            """
            stg:
              description: Staging.
              tables:
                regions:
                  description: Mirror of regions.
                  columns:
                    region_id: Key.
                    name: Name.
                    loaded_at: When loaded.
                incoming_regions:
                  description: Work table.
                  columns of: {table: stg.regions, except: [loaded_at]}
                  columns:
                    apply_token: Token.
              views:
                latest:
                  description: A view.
                  columns:
                    region_id: Key.
            """;

    @Test
    void shouldListEachSchemaThenEachRelationFollowedByItsColumns() {
        assertThat(Descriptions.parse(STG, "test").objects())
                .containsExactly(
                        "schema stg",
                        "table stg.regions",
                        "column stg.regions.region_id",
                        "column stg.regions.name",
                        "column stg.regions.loaded_at",
                        "table stg.incoming_regions",
                        "column stg.incoming_regions.region_id",
                        "column stg.incoming_regions.name",
                        "column stg.incoming_regions.apply_token",
                        "view stg.latest",
                        "column stg.latest.region_id");
    }

    @Test
    void shouldGiveACopiedColumnTheTextOfItsSource() {
        assertThat(Descriptions.parse(STG, "test").all())
                .filteredOn(d -> "incoming_regions".equals(d.relation()) && "name".equals(d.column()))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.text()).isEqualTo("Name.");
                    assertThat(d.relationKind()).isEqualTo(Descriptions.Level.TABLE);
                });
    }

    @Test
    void shouldChangeTheChecksumWhenATextChanges() {
        assertThat(Descriptions.parse(STG.replace("Name.", "Its name."), "test").checksum())
                .isNotEqualTo(Descriptions.parse(STG, "test").checksum());
    }

    @Test
    void shouldRefuseAnObjectWithoutDescription() {
        assertThatThrownBy(() -> Descriptions.parse(STG.replace("name: Name.", "name:"), "test"))
                .hasMessageContaining("test: table stg.regions.name has no description");
    }

    @Test
    void shouldRefuseAnUnknownKey() {
        assertThatThrownBy(() -> Descriptions.parse(STG.replace("columns of:", "colums of:"), "test"))
                .hasMessageContaining("unknown key 'colums of'");
    }

    @Test
    void shouldRefuseColumnsOfATableItDoesNotDescribe() {
        assertThatThrownBy(() -> Descriptions.parse(STG.replace("table: stg.regions", "table: stg.region"), "test"))
                .hasMessageContaining("columns of names stg.region, which is not a table of the descriptions");
    }
}
