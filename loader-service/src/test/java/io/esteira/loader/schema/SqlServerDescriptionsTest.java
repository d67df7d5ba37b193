package io.esteira.loader.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.embedded.schema.SqlServerDescriptions;
import org.junit.jupiter.api.Test;

class SqlServerDescriptionsTest {

    @Test
    void shouldNameTheSchemaTableViewAndColumnOfEachDescription() {
        String script =
                """
                -- EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'commented out', @level0type = N'SCHEMA', @level0name = N'dim';
                EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Staging.',
                    @level0type = N'SCHEMA', @level0name = N'stg';
                EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Keys; one per row -- really.',
                    @level0type = N'SCHEMA', @level0name = N'STG', @level1type = N'TABLE', @level1name = N'Affected';
                EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'The fact''s key.',
                    @level0type = N'SCHEMA', @level0name = N'stg', @level1type = N'TABLE', @level1name = N'affected',
                    @level2type = N'COLUMN', @level2name = N'key_value';
                EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Sales.',
                    @level0type = N'SCHEMA', @level0name = N'mart', @level1type = N'VIEW', @level1name = N'vendas';
                """;

        assertThat(SqlServerDescriptions.of(script))
                .containsExactlyInAnyOrder(
                        "schema stg", "table stg.affected", "column stg.affected.key_value", "view mart.vendas");
    }

    @Test
    void shouldIgnoreOtherPropertiesAndForgetDroppedDescriptions() {
        String script =
                """
                EXEC sys.sp_addextendedproperty @name = N'Owner', @value = N'team',
                    @level0type = N'SCHEMA', @level0name = N'stg';
                EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Old.',
                    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'apply_lock';
                EXEC sys.sp_dropextendedproperty @name = N'MS_Description',
                    @level0type = N'SCHEMA', @level0name = N'ctl', @level1type = N'TABLE', @level1name = N'apply_lock';
                EXEC sys.sp_updateextendedproperty @name = N'MS_Description', @value = N'New.',
                    @level0type = N'SCHEMA', @level0name = N'ctl';
                """;

        assertThat(SqlServerDescriptions.of(script)).containsExactly("schema ctl");
    }

    @Test
    void shouldRefuseACallItCannotRead() {
        String positional = "EXEC sp_addextendedproperty 'MS_Description', 'Staging.', 'SCHEMA', 'stg';";

        assertThatThrownBy(() -> SqlServerDescriptions.of(positional))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read the named arguments")
                .hasMessageContaining("@level0type = N'SCHEMA'");
    }
}
