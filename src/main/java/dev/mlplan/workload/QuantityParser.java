package dev.mlplan.workload;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads quantities written with their units ("200 GB", "24h", "50/s", "4500 USD", "0.15 USD/kWh",
 * "80%", "7B") into the quantity types of this package.
 *
 * <p>Units are matched exactly, with a few documented alternative spellings (lowercase "gb", "usd",
 * "mo" / "month" / "months"). A unit of another dimension ("12 GB" where a duration is expected)
 * and an unknown unit ("12 hrs") are errors with a "did you mean" hint. A month is
 * {@link TimeSpan#HOURS_PER_MONTH} hours. Every method throws {@link QuantityException} for bad
 * input; the message never includes a key path or location, which the caller adds.
 */
public final class QuantityParser {

    /** What a quantity measures, with how messages name it and an example of it. */
    public enum Dimension {
        COUNT("a count", "7B"),
        FLOPS("a FLOP count", "8.2G"),
        SIZE("a size", "200 GB"),
        DURATION("a duration", "12h"),
        RATE("a rate", "50/s"),
        DATA_RATE("a data rate", "500 MB/s"),
        MONEY("an amount of money", "3000 USD"),
        MONEY_RATE("a cost per time", "50 USD/month"),
        POWER("a power", "600 W"),
        ENERGY_PRICE("an electricity price", "0.15 USD/kWh"),
        PERCENT("a percentage", "80%"),
        FRACTION("a fraction", "0.4");

        private final String noun;
        private final String example;

        Dimension(String noun, String example) {
            this.noun = noun;
            this.example = example;
        }

        /** How messages name it, with its article: "a duration". */
        public String noun() {
            return noun;
        }

        /** A valid example, such as "12h". */
        public String example() {
            return example;
        }
    }

    /**
     * A parsed quantity.
     *
     * @param number the number as written (before the unit's factor)
     * @param value the value in the dimension's base unit: 1, bytes, seconds, per second, bytes per
     *     second, USD, USD per month, watts, USD per kWh, or a fraction (for percentages)
     * @param text the text it was read from
     */
    public record Quantity(Dimension dimension, BigDecimal number, double value, String text) {}

    private static final String NUMBER_REGEX = "[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?";
    private static final String UNSIGNED_NUMBER_REGEX = "\\+?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?";
    /** A number as written in a workload; also the binder's plain numbers (a Pattern is immutable and thread-safe). */
    static final Pattern NUMBER = Pattern.compile(NUMBER_REGEX);
    private static final Pattern SLASH = Pattern.compile("\\s*/\\s*");
    private static final double SECONDS_PER_MONTH = TimeSpan.HOURS_PER_MONTH * 3600.0;

    private static final Map<String, BigDecimal> COUNT_UNITS = units("", "1", "k", "1e3", "M", "1e6", "B", "1e9", "T", "1e12");
    private static final Map<String, BigDecimal> FLOPS_UNITS =
            units("", "1", "k", "1e3", "M", "1e6", "G", "1e9", "B", "1e9", "T", "1e12");
    private static final Map<String, BigDecimal> SIZE_UNITS = units(
            "B", "1",
            "KB", "1e3", "kB", "1e3", "kb", "1e3",
            "MB", "1e6", "mb", "1e6",
            "GB", "1e9", "gb", "1e9",
            "TB", "1e12", "tb", "1e12",
            "PB", "1e15", "pb", "1e15",
            "KiB", "1024", "MiB", "1048576", "GiB", "1073741824", "TiB", "1099511627776", "PiB", "1125899906842624");
    private static final Map<String, BigDecimal> DURATION_UNITS = units(
            "ms", "0.001", "s", "1", "m", "60", "min", "60", "h", "3600", "d", "86400", "w", "604800",
            "mo", month(), "month", month(), "months", month());
    private static final Map<String, BigDecimal> MONEY_UNITS = units("USD", "1", "usd", "1");
    private static final Map<String, BigDecimal> POWER_UNITS = units("W", "1", "kW", "1000");
    private static final Map<String, BigDecimal> PERCENT_UNITS = units("%", "0.01");
    private static final Map<String, BigDecimal> FRACTION_UNITS = units("", "1", "%", "0.01");
    /** Denominators of rates, in seconds. */
    private static final Map<String, BigDecimal> PER_TIME = units(
            "s", "1", "min", "60", "h", "3600", "d", "86400", "day", "86400", "w", "604800",
            "mo", month(), "month", month());
    /** Denominators of electricity prices, in kWh. */
    private static final Map<String, BigDecimal> PER_ENERGY = units("kWh", "1", "MWh", "1000");

    private static final List<String> COUNT_SHOWN = List.of("k", "M", "B", "T");
    private static final List<String> FLOPS_SHOWN = List.of("k", "M", "G", "T");
    private static final List<String> SIZE_SHOWN =
            List.of("B", "KB", "MB", "GB", "TB", "PB", "KiB", "MiB", "GiB", "TiB", "PiB");
    private static final List<String> DURATION_SHOWN = List.of("ms", "s", "min", "h", "d", "w", "months");
    private static final List<String> PER_TIME_SHOWN = List.of("s", "min", "h", "day", "month");
    private static final List<String> PER_ENERGY_SHOWN = List.of("kWh", "MWh");

    /** Common misspellings and the unit they mean. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("hr", "h"), Map.entry("hrs", "h"), Map.entry("hour", "h"), Map.entry("hours", "h"),
            Map.entry("sec", "s"), Map.entry("secs", "s"), Map.entry("second", "s"), Map.entry("seconds", "s"),
            Map.entry("m", "min"), Map.entry("mins", "min"), Map.entry("minute", "min"), Map.entry("minutes", "min"),
            Map.entry("days", "d"), Map.entry("week", "w"), Map.entry("weeks", "w"), Map.entry("wk", "w"),
            Map.entry("msec", "ms"), Map.entry("msecs", "ms"), Map.entry("millis", "ms"),
            Map.entry("mon", "months"), Map.entry("mth", "months"), Map.entry("mths", "months"),
            Map.entry("yr", "months"), Map.entry("year", "months"), Map.entry("years", "months"),
            Map.entry("watt", "W"), Map.entry("watts", "W"),
            Map.entry("dollar", "USD"), Map.entry("dollars", "USD"));

    private QuantityParser() {}

    /** One way to read a unit: its dimension, the factor on the number and the divisor. */
    private record Reading(Dimension dimension, BigDecimal factor, BigDecimal divisor) {}

    /**
     * Reads {@code text} as a quantity of the {@code expected} dimension. A plain number (no unit) is
     * accepted for counts and fractions, and for rates when {@code plainNumberAllowed} (then it means
     * per second); otherwise it is an error.
     *
     * @throws QuantityException when the text is not such a quantity
     */
    public static Quantity parse(String text, Dimension expected, boolean plainNumberAllowed) {
        return parse(text, expected, plainNumberAllowed, expected.example());
    }

    /**
     * Like {@link #parse(String, Dimension, boolean)}, with {@code example} shown in messages
     * instead of the dimension's example (such as "100 GB/month" for a monthly volume).
     */
    public static Quantity parse(String text, Dimension expected, boolean plainNumberAllowed, String example) {
        String trimmed = text.strip();
        boolean dollar = trimmed.startsWith("$");
        String rest = dollar ? trimmed.substring(1).stripLeading() : trimmed;
        Matcher m = NUMBER.matcher(rest);
        if (!m.lookingAt()) {
            throw new QuantityException(expectedFound(expected, example, text), null);
        }
        BigDecimal number = decimal(m.group(), text);
        String unit = SLASH.matcher(rest.substring(m.end()).strip()).replaceAll("/");
        List<Reading> readings = readings(unit, dollar);
        for (Reading r : readings) {
            if (r.dimension() == expected) {
                return build(expected, number, r, text);
            }
        }
        if (unit.isEmpty() && !dollar) {
            if (expected == Dimension.RATE && plainNumberAllowed) {
                return build(expected, number, new Reading(expected, BigDecimal.ONE, BigDecimal.ONE), text);
            }
            throw new QuantityException(
                    quote(text) + " has no unit; expected " + expected.noun() + " such as " + quote(example), null);
        }
        readings = readings.stream().filter(r -> !siblings(r.dimension(), expected)).toList();
        Optional<String> suggestion = dollar ? Optional.empty() : suggestUnit(unit, expected);
        boolean caseSlip = suggestion.filter(s -> s.equalsIgnoreCase(unit)).isPresent();
        if (!readings.isEmpty() && !caseSlip) {
            throw new QuantityException(
                    quote(text) + " is " + readings.get(0).dimension().noun() + "; expected " + expected.noun()
                            + " such as " + quote(example),
                    null);
        }
        String shownUnit = dollar ? "$" + (unit.isEmpty() ? "" : " " + unit) : unit;
        throw new QuantityException(
                quote(text) + ": unknown unit '" + shownUnit + "'",
                suggestion.map(Suggestions::didYouMean).orElseGet(() -> Suggestions.oneOf(shownUnits(expected))));
    }

    /** Like {@link #parse(String, Dimension, boolean)} with plain numbers only where always allowed. */
    public static Quantity parse(String text, Dimension expected) {
        return parse(text, expected, false);
    }

    /** "200 GB", "40GiB", "1.3 TB". */
    public static DataSize size(String text) {
        return new DataSize(parse(text, Dimension.SIZE).value());
    }

    /** "12h", "30m", "30 min", "250ms", "2w", "36 months". */
    public static TimeSpan duration(String text) {
        return new TimeSpan(parse(text, Dimension.DURATION).value());
    }

    /** "50/s", "100/day", "10k/month"; a plain number is per second when {@code plainIsPerSecond}. */
    public static Rate rate(String text, boolean plainIsPerSecond) {
        return new Rate(parse(text, Dimension.RATE, plainIsPerSecond).value());
    }

    /** "500 MB/s", "100 GB/month". */
    public static DataRate dataRate(String text) {
        return new DataRate(parse(text, Dimension.DATA_RATE).value());
    }

    /** "3000 USD", "4500USD", "$4500"; exact as written. */
    public static Money money(String text) {
        return new Money(parse(text, Dimension.MONEY).number());
    }

    /** "50 USD/month", "2 USD/h". */
    public static MoneyRate moneyRate(String text) {
        return new MoneyRate(parse(text, Dimension.MONEY_RATE).value());
    }

    /** "600 W", "1.2 kW". */
    public static Power power(String text) {
        return new Power(parse(text, Dimension.POWER).value());
    }

    /** "0.15 USD/kWh". */
    public static EnergyPrice energyPrice(String text) {
        return new EnergyPrice(parse(text, Dimension.ENERGY_PRICE).value());
    }

    /** "80%". */
    public static Percent percent(String text) {
        return new Percent(parse(text, Dimension.PERCENT).value());
    }

    /** "7B", "1.28M", "2T", "10k", "4096". */
    public static double count(String text) {
        return parse(text, Dimension.COUNT).value();
    }

    /** Like {@link #count(String)}, also with G (1e9): "8.2G". */
    public static double flops(String text) {
        return parse(text, Dimension.FLOPS).value();
    }

    /**
     * A regular expression (ECMA-262 subset, for JSON Schema {@code pattern}) matching the text
     * forms of the dimension; with {@code plainNumberAllowed} also a bare number.
     */
    public static String pattern(Dimension dimension, boolean plainNumberAllowed) {
        String num = UNSIGNED_NUMBER_REGEX;
        String usd = "(?:\\$\\s*" + num + "|" + num + "\\s*" + alternation(MONEY_UNITS) + ")";
        String body = switch (dimension) {
            case COUNT -> num + "\\s*" + alternation(COUNT_UNITS);
            case FLOPS -> num + "\\s*" + alternation(FLOPS_UNITS);
            case FRACTION -> num + "\\s*" + alternation(FRACTION_UNITS);
            case SIZE -> num + "\\s*" + alternation(SIZE_UNITS);
            case DURATION -> num + "\\s*" + alternation(DURATION_UNITS);
            case POWER -> num + "\\s*" + alternation(POWER_UNITS);
            case PERCENT -> num + "\\s*" + alternation(PERCENT_UNITS);
            case MONEY -> usd;
            case RATE -> num + "\\s*" + alternation(COUNT_UNITS) + "\\s*/\\s*" + alternation(PER_TIME)
                    + (plainNumberAllowed ? "|" + num : "");
            case DATA_RATE -> num + "\\s*" + alternation(SIZE_UNITS) + "\\s*/\\s*" + alternation(PER_TIME);
            case MONEY_RATE -> usd + "\\s*/\\s*" + alternation(PER_TIME);
            case ENERGY_PRICE -> usd + "\\s*/\\s*" + alternation(PER_ENERGY);
        };
        return "^\\s*(?:" + body + ")\\s*$";
    }

    /** The units shown in hints and documentation for a dimension. */
    public static List<String> shownUnits(Dimension dimension) {
        return switch (dimension) {
            case COUNT -> COUNT_SHOWN;
            case FLOPS -> FLOPS_SHOWN;
            case SIZE -> SIZE_SHOWN;
            case DURATION -> DURATION_SHOWN;
            case RATE -> PER_TIME_SHOWN.stream().map(d -> "/" + d).toList();
            case DATA_RATE -> PER_TIME_SHOWN.stream().map(d -> "GB/" + d).toList();
            case MONEY -> List.of("USD");
            case MONEY_RATE -> PER_TIME_SHOWN.stream().map(d -> "USD/" + d).toList();
            case POWER -> List.of("W", "kW");
            case ENERGY_PRICE -> PER_ENERGY_SHOWN.stream().map(d -> "USD/" + d).toList();
            case PERCENT, FRACTION -> List.of("%");
        };
    }

    /** Dimensions that share units but are not offered as alternatives to each other. */
    private static boolean siblings(Dimension a, Dimension b) {
        return (a == Dimension.COUNT || a == Dimension.FLOPS) && (b == Dimension.COUNT || b == Dimension.FLOPS)
                || (a == Dimension.PERCENT || a == Dimension.FRACTION) && (b == Dimension.PERCENT || b == Dimension.FRACTION);
    }

    private static Quantity build(Dimension dimension, BigDecimal number, Reading reading, String text) {
        double value = number.multiply(reading.factor()).doubleValue() / reading.divisor().doubleValue();
        if (!Double.isFinite(value) || !Double.isFinite(number.doubleValue())) {
            throw new QuantityException(quote(text) + " is too large", null);
        }
        return new Quantity(dimension, number, value, text);
    }

    /** Every way the unit can be read, in a fixed order. */
    private static List<Reading> readings(String unit, boolean dollar) {
        List<Reading> out = new ArrayList<>();
        int slash = unit.indexOf('/');
        if (slash < 0) {
            if (dollar) {
                if (unit.isEmpty()) {
                    out.add(new Reading(Dimension.MONEY, BigDecimal.ONE, BigDecimal.ONE));
                }
                return out;
            }
            add(out, Dimension.COUNT, COUNT_UNITS, unit);
            add(out, Dimension.FLOPS, FLOPS_UNITS, unit);
            add(out, Dimension.SIZE, SIZE_UNITS, unit);
            add(out, Dimension.DURATION, DURATION_UNITS, unit);
            add(out, Dimension.MONEY, MONEY_UNITS, unit);
            add(out, Dimension.POWER, POWER_UNITS, unit);
            add(out, Dimension.PERCENT, PERCENT_UNITS, unit);
            add(out, Dimension.FRACTION, FRACTION_UNITS, unit);
            return out;
        }
        String num = unit.substring(0, slash);
        String den = unit.substring(slash + 1);
        BigDecimal perTime = PER_TIME.get(den);
        BigDecimal perEnergy = PER_ENERGY.get(den);
        BigDecimal usd = dollar ? (num.isEmpty() ? BigDecimal.ONE : null) : MONEY_UNITS.get(num);
        if (perTime != null) {
            if (!dollar && COUNT_UNITS.containsKey(num)) {
                out.add(new Reading(Dimension.RATE, COUNT_UNITS.get(num), perTime));
            }
            if (!dollar && SIZE_UNITS.containsKey(num)) {
                out.add(new Reading(Dimension.DATA_RATE, SIZE_UNITS.get(num), perTime));
            }
            if (usd != null) {
                BigDecimal perMonth = usd.multiply(BigDecimal.valueOf(SECONDS_PER_MONTH));
                out.add(new Reading(Dimension.MONEY_RATE, perMonth, perTime));
            }
        }
        if (perEnergy != null && usd != null) {
            out.add(new Reading(Dimension.ENERGY_PRICE, usd, perEnergy));
        }
        return out;
    }

    private static void add(List<Reading> out, Dimension dimension, Map<String, BigDecimal> units, String unit) {
        BigDecimal factor = units.get(unit);
        if (factor != null) {
            out.add(new Reading(dimension, factor, BigDecimal.ONE));
        }
    }

    private static Optional<String> suggestUnit(String unit, Dimension expected) {
        return switch (expected) {
            case RATE -> suggestRatio(unit, COUNT_UNITS, COUNT_SHOWN, PER_TIME, PER_TIME_SHOWN);
            case DATA_RATE -> suggestRatio(unit, SIZE_UNITS, SIZE_SHOWN, PER_TIME, PER_TIME_SHOWN);
            case MONEY_RATE -> suggestRatio(unit, MONEY_UNITS, List.of("USD"), PER_TIME, PER_TIME_SHOWN);
            case ENERGY_PRICE -> suggestRatio(unit, MONEY_UNITS, List.of("USD"), PER_ENERGY, PER_ENERGY_SHOWN);
            case COUNT -> suggest(unit, COUNT_UNITS, COUNT_SHOWN);
            case FLOPS -> suggest(unit, FLOPS_UNITS, FLOPS_SHOWN);
            case SIZE -> suggest(unit, SIZE_UNITS, SIZE_SHOWN);
            case DURATION -> suggest(unit, DURATION_UNITS, DURATION_SHOWN);
            case MONEY -> suggest(unit, MONEY_UNITS, List.of("USD"));
            case POWER -> suggest(unit, POWER_UNITS, List.of("W", "kW"));
            case PERCENT, FRACTION -> suggest(unit, PERCENT_UNITS, List.of("%"));
        };
    }

    private static Optional<String> suggestRatio(
            String unit,
            Map<String, BigDecimal> numerators,
            List<String> numeratorsShown,
            Map<String, BigDecimal> denominators,
            List<String> denominatorsShown) {
        int slash = unit.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String num = unit.substring(0, slash);
        String den = unit.substring(slash + 1);
        Optional<String> fixedNum = numerators.containsKey(num) ? Optional.of(num) : suggest(num, numerators, numeratorsShown);
        Optional<String> fixedDen =
                denominators.containsKey(den) ? Optional.of(den) : suggest(den, denominators, denominatorsShown);
        if (fixedNum.isEmpty() || fixedDen.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fixedNum.get() + "/" + fixedDen.get());
    }

    private static Optional<String> suggest(String unit, Map<String, BigDecimal> accepted, List<String> shown) {
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        String singular = unit.length() > 1 && (unit.endsWith("s") || unit.endsWith("S")) ? unit.substring(0, unit.length() - 1) : null;
        Optional<String> found = ignoringCase(unit, shown)
                .or(() -> singular == null ? Optional.empty() : ignoringCase(singular, shown))
                .or(() -> alias(unit, accepted))
                .or(() -> singular == null ? Optional.empty() : alias(singular, accepted))
                .or(() -> ignoringCase(unit, accepted.keySet()))
                .or(() -> singular == null ? Optional.empty() : ignoringCase(singular, accepted.keySet()));
        return found.isPresent() ? found : Suggestions.closest(unit, shown);
    }

    private static Optional<String> alias(String unit, Map<String, BigDecimal> accepted) {
        String alias = ALIASES.get(unit);
        return alias != null && accepted.containsKey(alias) ? Optional.of(alias) : Optional.empty();
    }

    private static Optional<String> ignoringCase(String unit, Collection<String> candidates) {
        return candidates.stream().filter(c -> !c.isEmpty() && c.equalsIgnoreCase(unit)).findFirst();
    }

    private static String expectedFound(Dimension expected, String example, String text) {
        return "expected " + expected.noun() + " such as " + quote(example) + ", found " + quote(text);
    }

    /**
     * The longest number a workload may write, in characters (sign, digits, point and exponent): 40,
     * room for any figure a plan can use (the largest bounds are some 10^15) written out in full, yet
     * short enough that reading it costs nothing. {@link BigDecimal} reads a decimal string in time
     * that grows with the square of its length (a 900,000-digit value took 40 s), so a longer one is
     * refused before it is read (docs/design.md, input limits).
     */
    public static final int MAX_NUMBER_CHARS = 40;

    /**
     * {@code number} (matched by {@link #NUMBER}) as a BigDecimal, refused when longer than
     * {@link #MAX_NUMBER_CHARS} or when its exponent is out of range ("1e99999999999").
     *
     * @param text the whole value, quoted in messages
     */
    static BigDecimal decimal(String number, String text) {
        if (number.length() > MAX_NUMBER_CHARS) {
            throw new QuantityException(quote(text) + " is too long for a number (" + String.format(Locale.ROOT, "%,d", number.length())
                    + " characters; at most " + MAX_NUMBER_CHARS + ")", "write large values with an exponent, such as 1.5e12");
        }
        try {
            return new BigDecimal(number);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new QuantityException(quote(text) + " is too large", null);
        }
    }

    static String quote(String text) {
        String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
        StringBuilder sb = new StringBuilder("\"");
        shown.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\t') {
                sb.append("\\t");
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return dev.mlplan.util.SafeText.of(sb.append('"'));
    }

    private static String alternation(Map<String, BigDecimal> units) {
        boolean optional = units.containsKey("");
        String alts = units.keySet().stream()
                .filter(u -> !u.isEmpty())
                .sorted((a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b))
                .map(QuantityParser::escape)
                .collect(Collectors.joining("|"));
        return "(?:" + alts + ")" + (optional ? "?" : "");
    }

    private static String escape(String unit) {
        StringBuilder sb = new StringBuilder();
        for (char c : unit.toCharArray()) {
            if ("\\^$.|?*+()[]{}/".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static String month() {
        return BigDecimal.valueOf(TimeSpan.HOURS_PER_MONTH).multiply(BigDecimal.valueOf(3600)).toPlainString();
    }

    private static Map<String, BigDecimal> units(String... pairs) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], new BigDecimal(pairs[i + 1]));
        }
        return Collections.unmodifiableMap(map);
    }
}
