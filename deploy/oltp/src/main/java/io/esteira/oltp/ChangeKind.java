package io.esteira.oltp;

/**
 * The kinds of change {@link ChangeWorkload} makes, with their share of a long run (per mille).
 * Each change is one transaction.
 */
public enum ChangeKind {
    /** A new order with one to four items, sometimes with a discount valid at its date. */
    NEW_ORDER(300),
    /** An open order moves on: placed → paid → shipped → delivered, or is cancelled. */
    ORDER_STATUS(200),
    /** A new customer. */
    NEW_CUSTOMER(50),
    /** A customer's e-mail changes (an attribute the warehouse overwrites). */
    CUSTOMER_UPDATE(40),
    /** A customer's segment changes or the customer moves (city, state, region): SCD2 in the warehouse. */
    CUSTOMER_SCD2(60),
    /** A product's list price and unit cost change: SCD2. */
    PRODUCT_PRICE(50),
    /** A product moves to another category: SCD2. */
    PRODUCT_CATEGORY(20),
    /** A seller moves to another team: SCD2. */
    SELLER_TEAM(20),
    /** A delivered item is returned. */
    NEW_RETURN(60),
    /** A return is approved, refunded or rejected. */
    RETURN_STATUS(40),
    /** An order, customer or product gets deleted_at. */
    SOFT_DELETE(70),
    /** A return, or an order with its items and returns (child first), is deleted: tombstones. */
    HARD_DELETE(60),
    /** Every active seller gets a target for the month after the latest one. */
    NEW_TARGETS(10),
    /** A new discount code, valid from the workload's current business time. */
    NEW_DISCOUNT(20);

    private final int weight;

    ChangeKind(int weight) {
        this.weight = weight;
    }

    /** Share of a long run, per mille. */
    public int weight() {
        return weight;
    }
}
