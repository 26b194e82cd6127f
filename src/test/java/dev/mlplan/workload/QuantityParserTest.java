package dev.mlplan.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlplan.workload.QuantityParser.Dimension;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityParserTest {
    private static final double MONTH = 730 * 3600.0;

    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource({
        "200 GB, 200e9", "40GiB, 42949672960", "1.3 TB, 1.3e12", "7 B, 7", "5 KB, 5000", "5 kB, 5000", "5 kb, 5000",
        "3 MB, 3e6", "3 mb, 3e6", "2 gb, 2e9", "2 tb, 2e12", "1 PB, 1e15", "1 pb, 1e15", "1 KiB, 1024",
        "1 MiB, 1048576", "1 TiB, 1099511627776", "1 PiB, 1125899906842624", "0.5GB, 5e8", ".5 GB, 5e8",
        "1e3 GB, 1e12", "' 12 GB ', 12e9", "+4 GB, 4e9"
    })
    void sizes(String text, double bytes) {
        assertThat(QuantityParser.size(text).bytes()).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0} = {1} s")
    @CsvSource({
        "24h, 86400", "30m, 1800", "30 min, 1800", "3s, 3", "250ms, 0.25", "2w, 1209600", "1d, 86400",
        "36 months, 94608000", "1 month, 2628000", "2 mo, 5256000", "0.5 h, 1800"
    })
    void durations(String text, double seconds) {
        assertThat(QuantityParser.duration(text).seconds()).isCloseTo(seconds, within(1e-9));
    }

    @Test
    void monthsFollowTheProjectMonth() {
        assertThat(QuantityParser.duration("36 months").months()).isCloseTo(36.0, within(1e-12));
        assertThat(QuantityParser.duration("1 month").hours()).isEqualTo(TimeSpan.HOURS_PER_MONTH);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "50/s, 50", "120/min, 2", "3600/h, 1", "86400/day, 1", "86400/d, 1", "604800/w, 1", "10k/month, 10000",
        "3M/month, 3000000", "2B/month, 2000000000", "' 50 / s ', 50", "0/s, 0"
    })
    void rates(String text, double perSecondOrPerMonth) {
        double expected = text.strip().endsWith("month") ? perSecondOrPerMonth / MONTH : perSecondOrPerMonth;
        assertThat(QuantityParser.rate(text, false).perSecond()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void plainRateIsPerSecondOnlyWhereAllowed() {
        assertThat(QuantityParser.rate("10000", true).perSecond()).isEqualTo(10000);
        assertThatThrownBy(() -> QuantityParser.rate("10000", false))
                .isInstanceOf(QuantityException.class)
                .hasMessage("\"10000\" has no unit; expected a rate such as \"50/s\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"100 GB/month, 100", "1.3 TB/month, 1300", "0 GB/month, 0", "50 gb/month, 50"})
    void monthlyVolumes(String text, double gbPerMonth) {
        assertThat(QuantityParser.dataRate(text).gbPerMonth()).isCloseTo(gbPerMonth, within(1e-9));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"500 MB/s, 500", "2 GB/s, 2000", "1 GiB/s, 1073.741824"})
    void throughputs(String text, double mbPerSecond) {
        assertThat(QuantityParser.dataRate(text).mbPerSecond()).isCloseTo(mbPerSecond, within(1e-9));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"3000 USD, 3000", "4500USD, 4500", "$4500, 4500", "$ 19.99, 19.99", "12.50 usd, 12.50", "0.1 USD, 0.1"})
    void money(String text, String usd) {
        assertThat(QuantityParser.money(text).usd()).isEqualByComparingTo(new BigDecimal(usd));
    }

    @Test
    void moneyKeepsTheDecimalAsWritten() {
        assertThat(QuantityParser.money("0.1 USD").usd()).isEqualTo(new BigDecimal("0.1"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"50 USD/month, 50", "$50/month, 50", "2 USD/h, 1460", "1 USD/day, 30.416666666666668"})
    void moneyRates(String text, double usdPerMonth) {
        assertThat(QuantityParser.moneyRate(text).usdPerMonth()).isCloseTo(usdPerMonth, within(1e-9));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"600 W, 600", "1.2 kW, 1200", "450W, 450"})
    void power(String text, double watts) {
        assertThat(QuantityParser.power(text).watts()).isCloseTo(watts, within(1e-9));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0.15 USD/kWh, 0.15", "$0.15/kWh, 0.15", "150 USD/MWh, 0.15"})
    void energyPrices(String text, double usdPerKwh) {
        assertThat(QuantityParser.energyPrice(text).usdPerKwh()).isCloseTo(usdPerKwh, within(1e-12));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"80%, 0.8", "100%, 1.0", "0.5 %, 0.005"})
    void percent(String text, double fraction) {
        assertThat(QuantityParser.percent(text).fraction()).isCloseTo(fraction, within(1e-15));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0.4, 0.4", "40%, 0.4", "1, 1"})
    void fractions(String text, double fraction) {
        assertThat(QuantityParser.parse(text, Dimension.FRACTION).value()).isCloseTo(fraction, within(1e-15));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"7B, 7e9", "1.28M, 1.28e6", "2T, 2e12", "10k, 1e4", "4096, 4096", "2.5e3, 2500"})
    void counts(String text, double value) {
        assertThat(QuantityParser.count(text)).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"8.2G, 8.2e9", "4.1B, 4.1e9", "1T, 1e12", "300000, 3e5"})
    void flops(String text, double value) {
        assertThat(QuantityParser.flops(text)).isEqualTo(value);
    }

    @Test
    void gigaIsOnlyForFlops() {
        assertThatThrownBy(() -> QuantityParser.count("7G"))
                .isInstanceOf(QuantityException.class)
                .hasMessage("\"7G\": unknown unit 'G' (expected one of: k, M, B, T)");
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource(delimiter = '|', value = {
        "12 GB|DURATION|\"12 GB\" is a size; expected a duration such as \"12h\"",
        "12h|SIZE|\"12h\" is a duration; expected a size such as \"200 GB\"",
        "10k|SIZE|\"10k\" is a count; expected a size such as \"200 GB\"",
        "1.3 TB/month|SIZE|\"1.3 TB/month\" is a data rate; expected a size such as \"200 GB\"",
        "50/s|DATA_RATE|\"50/s\" is a rate; expected a data rate such as \"500 MB/s\"",
        "500 MB/s|RATE|\"500 MB/s\" is a data rate; expected a rate such as \"50/s\"",
        "3000 USD|MONEY_RATE|\"3000 USD\" is an amount of money; expected a cost per time such as \"50 USD/month\"",
        "50 USD/month|MONEY|\"50 USD/month\" is a cost per time; expected an amount of money such as \"3000 USD\"",
        "0.15 USD/kWh|MONEY_RATE|\"0.15 USD/kWh\" is an electricity price; expected a cost per time such as \"50 USD/month\"",
        "600 W|ENERGY_PRICE|\"600 W\" is a power; expected an electricity price such as \"0.15 USD/kWh\"",
        "80%|SIZE|\"80%\" is a percentage; expected a size such as \"200 GB\"",
        "12 GB|POWER|\"12 GB\" is a size; expected a power such as \"600 W\"",
        "5 kW|PERCENT|\"5 kW\" is a power; expected a percentage such as \"80%\"",
        "2 h|COUNT|\"2 h\" is a duration; expected a count such as \"7B\"",
        "12|DURATION|\"12\" has no unit; expected a duration such as \"12h\"",
        "0|SIZE|\"0\" has no unit; expected a size such as \"200 GB\"",
        "3000|MONEY|\"3000\" has no unit; expected an amount of money such as \"3000 USD\"",
        "80|PERCENT|\"80\" has no unit; expected a percentage such as \"80%\"",
    })
    void dimensionErrors(String text, Dimension expected, String message) {
        assertThatThrownBy(() -> QuantityParser.parse(text, expected))
                .isInstanceOfSatisfying(QuantityException.class, e -> {
                    assertThat(e.problem()).isEqualTo(message);
                    assertThat(e.hint()).isEmpty();
                });
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource(delimiter = '|', value = {
        "12 hrs|DURATION|hrs|did you mean 'h'?",
        "12 hr|DURATION|hr|did you mean 'h'?",
        "12 hours|DURATION|hours|did you mean 'h'?",
        "3 secs|DURATION|secs|did you mean 's'?",
        "3 sec|DURATION|sec|did you mean 's'?",
        "5 mins|DURATION|mins|did you mean 'min'?",
        "5 minutes|DURATION|minutes|did you mean 'min'?",
        "2 days|DURATION|days|did you mean 'd'?",
        "2 weeks|DURATION|weeks|did you mean 'w'?",
        "1 year|DURATION|year|did you mean 'months'?",
        "12 H|DURATION|H|did you mean 'h'?",
        "20 GBs|SIZE|GBs|did you mean 'GB'?",
        "20 Gb|SIZE|Gb|did you mean 'GB'?",
        "20 Mb|SIZE|Mb|did you mean 'MB'?",
        "20 gib|SIZE|gib|did you mean 'GiB'?",
        "20 GiBs|SIZE|GiBs|did you mean 'GiB'?",
        "20 gigabytes|SIZE|gigabytes|expected one of: B, KB, MB, GB, TB, PB, KiB, MiB, GiB, TiB, PiB",
        "600 w|POWER|w|did you mean 'W'?",
        "1.2 kw|POWER|kw|did you mean 'kW'?",
        "1.2 KW|POWER|KW|did you mean 'kW'?",
        "600 watts|POWER|watts|did you mean 'W'?",
        "4500 EUR|MONEY|EUR|expected one of: USD",
        "4500 dollars|MONEY|dollars|did you mean 'USD'?",
        "7b|COUNT|b|did you mean 'B'?",
        "1.28m|COUNT|m|did you mean 'M'?",
        "10K|COUNT|K|did you mean 'k'?",
        "50/sec|RATE|/sec|did you mean '/s'?",
        "50/hr|RATE|/hr|did you mean '/h'?",
        "50/days|RATE|/days|did you mean '/day'?",
        "50/m|RATE|/m|did you mean '/min'?",
        "100 GBs/month|DATA_RATE|GBs/month|did you mean 'GB/month'?",
        "500 MB/sec|DATA_RATE|MB/sec|did you mean 'MB/s'?",
        "50 USD/months|MONEY_RATE|USD/months|did you mean 'USD/month'?",
        "0.15 USD/kwh|ENERGY_PRICE|USD/kwh|did you mean 'USD/kWh'?",
        "0.15 USD/KWH|ENERGY_PRICE|USD/KWH|did you mean 'USD/kWh'?",
        "80 pct|PERCENT|pct|expected one of: %",
    })
    void unknownUnits(String text, Dimension expected, String unit, String hint) {
        assertThatThrownBy(() -> QuantityParser.parse(text, expected))
                .isInstanceOfSatisfying(QuantityException.class, e -> {
                    assertThat(e.problem()).isEqualTo("\"" + text + "\": unknown unit '" + unit + "'");
                    assertThat(e.hint()).contains(hint);
                });
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"NaN", ".nan", "nan GB", ".inf", "-.inf", "Infinity GB", "inf GB", "", "   ", "GB", "twelve GB", "1,000 GB"})
    void notNumbers(String text) {
        assertThatThrownBy(() -> QuantityParser.size(text))
                .isInstanceOfSatisfying(QuantityException.class, e -> assertThat(e.problem()).satisfiesAnyOf(
                        p -> assertThat(p).isEqualTo("expected a size such as \"200 GB\", found \"" + text + "\""),
                        p -> assertThat(p).contains("unknown unit")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1e400 GB", "1e400", "9e307 PB", "1e999999 h"})
    void overflowIsTooLarge(String text) {
        Dimension dimension = text.endsWith("h") ? Dimension.DURATION : text.endsWith("B") ? Dimension.SIZE : Dimension.COUNT;
        assertThatThrownBy(() -> QuantityParser.parse(text, dimension))
                .isInstanceOf(QuantityException.class)
                .hasMessage("\"" + text + "\" is too large");
    }

    @Test
    void negativeNumbersParseSoCallersCanReportTheRange() {
        assertThat(QuantityParser.size("-5 GB").bytes()).isEqualTo(-5e9);
    }

    @Test
    void quotesControlCharactersAndLongTextInMessages() {
        assertThatThrownBy(() -> QuantityParser.size("\u0007x"))
                .hasMessage("expected a size such as \"200 GB\", found \"\\u0007x\"");
        String longText = "x".repeat(100);
        assertThatThrownBy(() -> QuantityParser.size(longText)).hasMessageContaining("\"" + "x".repeat(37) + "...\"");
    }

    @ParameterizedTest
    @EnumSource(Dimension.class)
    void everyExampleParsesAndMatchesTheSchemaPattern(Dimension dimension) {
        QuantityParser.Quantity q = QuantityParser.parse(dimension.example(), dimension);
        assertThat(q.dimension()).isEqualTo(dimension);
        assertThat(Pattern.compile(QuantityParser.pattern(dimension, false)).matcher(dimension.example()).find()).isTrue();
    }

    /** Seeded property: for random numbers and every shown unit, parse and the schema pattern agree. */
    @ParameterizedTest
    @MethodSource("seeds")
    void patternAndParserAgree(long seed) {
        Random random = new Random(seed);
        for (Dimension dimension : Dimension.values()) {
            Pattern pattern = Pattern.compile(QuantityParser.pattern(dimension, false));
            List<String> units = QuantityParser.shownUnits(dimension);
            for (int i = 0; i < 20; i++) {
                String number = randomNumber(random);
                String unit = units.get(random.nextInt(units.size()));
                String space = random.nextBoolean() ? " " : "";
                String text = switch (dimension) {
                    case RATE -> number + unit;
                    case DATA_RATE, MONEY_RATE, ENERGY_PRICE, SIZE, DURATION, POWER, MONEY, PERCENT -> number + space + unit;
                    case COUNT, FLOPS -> number + (random.nextBoolean() ? unit : "");
                    case FRACTION -> number + (random.nextBoolean() ? "%" : "");
                };
                QuantityParser.Quantity q = QuantityParser.parse(text, dimension);
                assertThat(q.value()).as(text).isFinite().isGreaterThanOrEqualTo(0);
                assertThat(pattern.matcher(text).find()).as(text + " ~ " + pattern).isTrue();
            }
        }
    }

    /** Seeded property: random junk never throws anything but QuantityException. */
    @ParameterizedTest
    @MethodSource("seeds")
    void junkGivesQuantityExceptionOnly(long seed) {
        Random random = new Random(seed);
        String alphabet = "0123456789.eE+-/ %$kMBTGgbmsdhwiKWUSDno\u00e9\u4e2d\u0000\t";
        for (int i = 0; i < 200; i++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Dimension dimension = Dimension.values()[random.nextInt(Dimension.values().length)];
            try {
                QuantityParser.Quantity q = QuantityParser.parse(sb.toString(), dimension, random.nextBoolean());
                assertThat(q.dimension()).isEqualTo(dimension);
                assertThat(q.value()).isNotNaN();
            } catch (QuantityException expected) {
                assertThat(expected.problem()).isNotBlank();
            }
        }
    }

    static IntStream seeds() {
        return IntStream.rangeClosed(1, 10);
    }

    private static String randomNumber(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Integer.toString(random.nextInt(100000));
            case 1 -> String.format(java.util.Locale.ROOT, "%.3f", random.nextDouble() * 1000);
            case 2 -> "." + random.nextInt(1000);
            default -> random.nextInt(10) + "e" + random.nextInt(5);
        };
    }
}
