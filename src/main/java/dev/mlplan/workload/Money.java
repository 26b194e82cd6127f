package dev.mlplan.workload;

import java.math.BigDecimal;

/** An amount in US dollars, exact as written ("4500 USD"). */
public record Money(BigDecimal usd) {
    public static Money of(double usd) {
        return new Money(BigDecimal.valueOf(usd));
    }

    public double value() {
        return usd.doubleValue();
    }
}
