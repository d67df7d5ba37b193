package io.esteira.oltp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.oltp.BaseDataGenerator.Discount;
import io.esteira.oltp.BaseDataGenerator.OrderLine;
import io.esteira.oltp.BaseDataGenerator.Plan;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BaseDataGeneratorTest {

    private static final LocalDateTime AT = LocalDateTime.of(2024, 5, 1, 0, 0);

    private static final OrderLine[] LINES = {
        new OrderLine(1, 2, new BigDecimal("10.90"), new BigDecimal("5.00")),
        new OrderLine(2, 1, new BigDecimal("99.90"), new BigDecimal("60.00")),
        new OrderLine(3, 3, new BigDecimal("3.33"), new BigDecimal("1.00"))
    };

    @Test
    void shouldApplyAPercentDiscountToEachLine() {
        Discount tenPercent = new Discount(1, true, new BigDecimal("10.00"), AT, AT.plusDays(1));

        assertThat(Discount.allocate(tenPercent, LINES))
                .containsExactly(new BigDecimal("2.18"), new BigDecimal("9.99"), new BigDecimal("1.00"));
    }

    @Test
    void shouldSplitAFixedDiscountInProportionToTheLinesGross() {
        Discount thirty = new Discount(1, false, new BigDecimal("30.00"), AT, AT.plusDays(1));

        BigDecimal[] amounts = Discount.allocate(thirty, LINES);

        assertThat(Arrays.stream(amounts).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("30.00");
        assertThat(amounts[1]).isGreaterThan(amounts[0]).isGreaterThan(amounts[2]);
    }

    @Test
    void shouldNeverTakeMoreThanTheOrderIsWorth() {
        OrderLine[] cheap = {new OrderLine(1, 1, new BigDecimal("12.90"), new BigDecimal("6.00"))};
        Discount hundred = new Discount(1, false, new BigDecimal("100.00"), AT, AT.plusDays(1));

        assertThat(Discount.allocate(hundred, cheap)).containsExactly(new BigDecimal("12.90"));
    }

    @Test
    void shouldGiveNoDiscountWithoutACode() {
        assertThat(Discount.allocate(null, LINES))
                .allSatisfy(amount -> assertThat(amount).isEqualByComparingTo("0"));
    }

    @Test
    void shouldScaleTheRowsWithTheScale() {
        Plan small = Plan.of(1);
        Plan large = Plan.of(1000);

        assertThat(small.orderItems()).isEqualTo(1_000);
        assertThat(large.orderItems()).isEqualTo(1_000_000);
        assertThat(large.customers()).isGreaterThan(small.customers());
        assertThat(large.sellers()).isGreaterThan(small.sellers());
        assertThat(large.products()).isGreaterThan(small.products());
        assertThat(large.regions()).isLessThanOrEqualTo(27);
    }

    @Test
    void shouldRefuseAScaleBelowOne() {
        assertThatThrownBy(() -> new BaseDataGenerator(1, 0))
                .isInstanceOf(OltpException.class)
                .hasMessageContaining("Scale 0");
    }

    @Test
    void shouldRefundTheNetPriceOfTheReturnedUnits() {
        OrderLine line = new OrderLine(1, 4, new BigDecimal("25.00"), new BigDecimal("10.00"));

        assertThat(BaseDataGenerator.refund(line, new BigDecimal("10.00"), 2, "approved"))
                .isEqualByComparingTo("45.00");
        assertThat(BaseDataGenerator.refund(line, new BigDecimal("10.00"), 2, "rejected"))
                .isEqualByComparingTo("0");
    }
}
