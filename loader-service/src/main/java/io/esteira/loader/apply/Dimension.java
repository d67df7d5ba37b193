package io.esteira.loader.apply;

import java.util.List;

/**
 * A dimension the loader maintains: its table, natural key, the attributes its source query
 * ({@code apply/…/src-<table>.sql}) yields under the dimension's own column names, and — for SCD2 —
 * the attributes whose change opens a new version (the rest are overwritten on every version).
 */
public record Dimension(String table, String naturalKey, List<String> attributes, List<String> tracked) {

    public Dimension {
        attributes = List.copyOf(attributes);
        tracked = List.copyOf(tracked);
        if (!attributes.containsAll(tracked)) {
            throw new IllegalArgumentException("Tracked attributes of " + table + " must be among its attributes");
        }
    }

    public static final Dimension REGIAO =
            new Dimension("dim_regiao", "regiao_id", List.of("nome", "estado", "pais"), List.of());
    public static final Dimension EQUIPE = new Dimension(
            "dim_equipe", "equipe_id", List.of("nome", "regiao_id", "nome_regiao", "nome_gerente"), List.of());
    public static final Dimension VENDEDOR = new Dimension(
            "dim_vendedor",
            "vendedor_id",
            List.of("nome", "email", "equipe_id", "nome_equipe", "ativo"),
            List.of("equipe_id"));
    public static final Dimension CLIENTE = new Dimension(
            "dim_cliente",
            "cliente_id",
            List.of("nome", "email", "tipo_cliente", "cidade", "estado", "regiao_id", "segmento"),
            List.of("segmento", "cidade", "estado", "regiao_id"));
    public static final Dimension PRODUTO = new Dimension(
            "dim_produto",
            "produto_id",
            List.of(
                    "sku",
                    "nome",
                    "categoria_id",
                    "nome_categoria",
                    "nome_categoria_pai",
                    "marca",
                    "preco_lista",
                    "custo_unitario"),
            List.of("categoria_id", "preco_lista", "custo_unitario"));
    public static final Dimension DESCONTO = new Dimension(
            "dim_desconto",
            "desconto_id",
            List.of("codigo", "tipo_desconto", "valor", "campanha", "inicio", "fim"),
            List.of());

    public boolean isScd2() {
        return !tracked.isEmpty();
    }

    /** The apply templates that maintain the dimension, in order. */
    public List<String> templates() {
        return isScd2() ? List.of("scd2", "affected-scd-changes") : List.of("scd1");
    }

    /** Attributes overwritten on every version of an SCD2 member: the untracked ones, except those
     * that describe a tracked one (a team's name belongs to the version of the team). */
    public List<String> scd1Attributes() {
        return attributes.stream()
                .filter(a -> !tracked.contains(a))
                .filter(a -> tracked.stream().noneMatch(t -> describes(a, t)))
                .toList();
    }

    private static boolean describes(String attribute, String tracked) {
        // nome_equipe describes equipe_id; nome_categoria(_pai) describes categoria_id.
        String subject = tracked.replace("_id", "");
        return attribute.startsWith("nome_" + subject);
    }
}
