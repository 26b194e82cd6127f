package dev.mlplan.workload;

/** Money per unit of time, held in USD per month ("50 USD/month", "2 USD/h"). */
public record MoneyRate(double usdPerMonth) {
    public double usdPerHour() {
        return usdPerMonth / TimeSpan.HOURS_PER_MONTH;
    }
}
