package io.esteira.oltp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChangeWorkloadRepriceTest {

    /** The largest value of a numeric(12,2) column: list_price and unit_cost. */
    private static final BigDecimal NUMERIC_12_2 = new BigDecimal("9999999999.99");

    @Test
    void shouldKeepAPriceAndItsCostWithinTheirColumnsHoweverOftenTheProductIsRepriced() {
        SplittableRandom random = new SplittableRandom(42);
        BigDecimal price = new BigDecimal("199.90");
        BigDecimal cost = new BigDecimal("120.00");
        BigDecimal highest = price;
        for (int change = 0; change < 1_000_000; change++) {
            BigDecimal[] repriced = ChangeWorkload.reprice(price, cost, random);
            price = repriced[0];
            cost = repriced[1];
            highest = highest.max(price);
            assertThat(price).as("price after %d changes", change).isBetween(new BigDecimal("1.90"), NUMERIC_12_2);
            assertThat(cost).as("cost after %d changes", change).isBetween(BigDecimal.ZERO, price);
        }
        assertThat(highest)
                .as("the walk reaches the ceiling and turns back")
                .isGreaterThanOrEqualTo(ChangeWorkload.PRICE_CEILING)
                .isLessThan(ChangeWorkload.PRICE_CEILING.multiply(new BigDecimal("1.21")));
    }

    @Test
    void shouldEndEveryPriceInNinetyCentavos() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1_000; i++) {
            BigDecimal[] repriced = ChangeWorkload.reprice(new BigDecimal("49.90"), new BigDecimal("30.00"), random);
            assertThat(repriced[0].remainder(BigDecimal.ONE)).isEqualByComparingTo("0.90");
        }
    }
}
