package io.esteira.oltp;

/** The eleven tables of the OLTP reference schema, in foreign-key order (parents first). */
public enum CoreTable {
    REGIONS("regions", "region_id"),
    TEAMS("teams", "team_id"),
    SELLERS("sellers", "seller_id"),
    CUSTOMERS("customers", "customer_id"),
    CATEGORIES("categories", "category_id"),
    PRODUCTS("products", "product_id"),
    DISCOUNTS("discounts", "discount_id"),
    ORDERS("orders", "order_id"),
    ORDER_ITEMS("order_items", "order_item_id"),
    RETURNS("returns", "return_id"),
    SALES_TARGETS("sales_targets", "sales_target_id");

    /** The tombstone table that the AFTER DELETE triggers fill. */
    public static final String DELETED_ROWS = OltpSchema.SCHEMA + ".deleted_rows";

    private final String tableName;
    private final String keyColumn;

    CoreTable(String tableName, String keyColumn) {
        this.tableName = tableName;
        this.keyColumn = keyColumn;
    }

    /** The table's name without schema, as written into {@code deleted_rows.table_name}. */
    public String tableName() {
        return tableName;
    }

    /** {@code core.<table>}. */
    public String qualifiedName() {
        return OltpSchema.SCHEMA + "." + tableName;
    }

    /** The primary key column, {@code <table singular>_id}. */
    public String keyColumn() {
        return keyColumn;
    }
}
