package dev.mlplan.workload;

import dev.mlplan.workload.QuantityParser.Dimension;
import dev.mlplan.workload.QuantityParser.Quantity;
import dev.mlplan.workload.WorkloadKeys.Key;
import dev.mlplan.workload.WorkloadKeys.Section;
import dev.mlplan.workload.WorkloadKeys.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One workload file with some of its numeric values replaced, for {@code mlplan sweep}: the file is
 * composed once into its YAML node tree, a value is set by replacing its scalar node (or adding it
 * when the file leaves the key at its default), and the tree is bound by the one
 * {@link WorkloadParser}, so every value is checked as if the user had written it.
 */
public final class WorkloadVariation {
    private static final Pattern SEGMENT = Pattern.compile("([a-z_]+)(?:\\[([a-z0-9-]+)\\])?");

    private final WorkloadParser parser;
    private final String displayName;
    private final String text;
    private final Node root;

    private WorkloadVariation(WorkloadParser parser, String displayName, String text, Node root) {
        this.parser = parser;
        this.displayName = displayName;
        this.text = text;
        this.root = root;
    }

    /**
     * Reads the file as {@code parser} would (every problem a {@link WorkloadException}), keeping its
     * node tree for edits.
     */
    public static WorkloadVariation of(WorkloadParser parser, String displayName, String yaml) {
        parser.parse(displayName, yaml);
        String text = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
        return new WorkloadVariation(parser, displayName, text, WorkloadParser.compose(displayName, text));
    }

    /**
     * A numeric key of this file, by its path as docs/workload-reference.md writes it
     * ({@code inference.traffic.average}); an item of a part given as a list by index or name
     * ({@code training[1].runs_per_month}, {@code training[nightly].runs_per_month}).
     *
     * @throws IllegalArgumentException for an unknown or non-numeric key, with a did-you-mean
     */
    public Knob knob(String path) {
        String[] segments = path.strip().split("\\.", -1);
        Section section = WorkloadKeys.ROOT;
        Node node = root;
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            Matcher m = SEGMENT.matcher(segments[i]);
            if (!m.matches()) {
                throw unknown(path);
            }
            String name = m.group(1);
            String item = m.group(2);
            var key = section.key(name);
            if (key.isEmpty()) {
                throw unknown(path);
            }
            Key k = key.get();
            boolean last = i == segments.length - 1;
            if (last != (k.type() != Type.SECTION)) {
                throw unknown(path);
            }
            if (item != null && !k.listable()) {
                throw new IllegalArgumentException("'" + path + "': " + name + " is not a list; write " + path.replace("[" + item + "]", ""));
            }
            keys.add(name);
            if (last) {
                if (k.type() != Type.QUANTITY && k.type() != Type.INTEGER && k.type() != Type.NUMBER) {
                    throw new IllegalArgumentException("'" + path + "' is not a number or quantity; sweep a numeric key" + suggestion(path));
                }
                return new Knob(this, path, node, name, k);
            }
            Node child = node instanceof MappingNode map ? value(map, name) : null;
            if (child instanceof SequenceNode seq) {
                child = item(path, name, item, seq);
            } else if (item != null && child != null && !(item.equals("0") || item.equals(nameOf(child)))) {
                throw new IllegalArgumentException("'" + path + "': " + name + " is one mapping" + (nameOf(child) == null ? "" : " named '"
                        + nameOf(child) + "'") + ", not a list; write " + path.replace("[" + item + "]", ""));
            }
            if (child == null) {
                if (k.section() == null || i == 0 && List.of("training", "inference", "storage", "batch").contains(name)) {
                    throw new IllegalArgumentException("'" + path + "': " + displayName + " has no " + name);
                }
                MappingNode created = new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
                ((MappingNode) node).getValue().add(new NodeTuple(scalar(name, node), created));
                child = created;
            }
            node = child;
            section = k.section();
        }
        throw unknown(path);
    }

    private Node item(String path, String name, String item, SequenceNode seq) {
        List<Node> items = seq.getValue();
        if (item == null) {
            if (items.size() == 1) {
                return items.get(0);
            }
            throw new IllegalArgumentException("'" + path + "': " + name + " is a list of " + items.size() + " items; name one, such as "
                    + path.replaceFirst(Pattern.quote(name), name + "[0]") + " or " + name + "[" + nameOf(items.get(0)) + "]…");
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < items.size(); j++) {
            String n = nameOf(items.get(j));
            if (item.equals(n) || item.equals(Integer.toString(j))) {
                return items.get(j);
            }
            names.add(n);
        }
        throw new IllegalArgumentException("'" + path + "': " + name + " has no item '" + item + "' (0 to " + (items.size() - 1) + ", or a name)"
                + Suggestions.suffix(item, names));
    }

    private static String nameOf(Node n) {
        if (n instanceof MappingNode map && value(map, "name") instanceof ScalarNode s) {
            return s.getValue();
        }
        return null;
    }

    private static Node value(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) {
                return t.getValueNode();
            }
        }
        return null;
    }

    private static ScalarNode scalar(String value, Node at) {
        return new ScalarNode(Tag.STR, value, at.getStartMark(), at.getEndMark(), DumperOptions.ScalarStyle.PLAIN);
    }

    private static IllegalArgumentException unknown(String path) {
        return new IllegalArgumentException("unknown numeric workload key '" + path + "'" + suggestion(path)
                + "; docs/workload-reference.md lists every key");
    }

    private static String suggestion(String path) {
        return Suggestions.suffix(path.replaceAll("\\[[^]]*]", ""), numericPaths());
    }

    /** Every numeric key's path, such as inference.traffic.average. */
    public static List<String> numericPaths() {
        List<String> out = new ArrayList<>();
        collect(WorkloadKeys.ROOT, "", out);
        return List.copyOf(out);
    }

    private static void collect(Section s, String prefix, List<String> out) {
        for (Key k : s.keys()) {
            if (k.type() == Type.SECTION) {
                collect(k.section(), prefix + k.name() + ".", out);
            } else if (k.type() == Type.QUANTITY || k.type() == Type.INTEGER || k.type() == Type.NUMBER) {
                out.add(prefix + k.name());
            }
        }
    }

    /** The workload with every knob at its value, bound by the one parser (a {@link WorkloadException} as for the file). */
    public Workload bind() {
        return parser.bind(displayName, text, () -> root);
    }

    /**
     * One numeric key of the file: reads values in the key's units and sets them in the node tree.
     * Not thread-safe: a variation is edited and bound by one thread.
     */
    public static final class Knob {
        private final WorkloadVariation variation;
        private final String path;
        private final MappingNode parent;
        private final String name;
        private final Key key;

        private Knob(WorkloadVariation variation, String path, Node parent, String name, Key key) {
            this.variation = variation;
            this.path = path;
            this.parent = (MappingNode) parent;
            this.name = name;
            this.key = key;
        }

        public String path() {
            return path;
        }

        /** The value as the file writes it ("500/day"), or null when the file leaves the key at its default; read it before any {@link #set}. */
        public String written() {
            for (NodeTuple t : parent.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && name.equals(k.getValue()) && t.getValueNode() instanceof ScalarNode v) {
                    return v.getValue();
                }
            }
            return null;
        }

        /** The key's default as YAML text ("24"), or null when it has none (an assumption whose default depends on the accelerator). */
        public String defaultText() {
            return key.defaultValue();
        }

        /** The smallest value the key takes, in its base unit (exclusive for a key that must be above it). */
        public double min() {
            return key.bound().min();
        }

        /** The largest value the key takes, in its base unit. */
        public double max() {
            return key.bound().max();
        }

        /** Whether the key takes whole numbers only. */
        public boolean integer() {
            return key.type() == Type.INTEGER;
        }

        /**
         * A value as the user writes it ("10/day", "1B", "3000 USD"; a bare number for counts and
         * numbers), in the key's base unit; the unit it was written in comes with it.
         *
         * @throws IllegalArgumentException when it is not such a value
         */
        public Reading read(String text) {
            Dimension d = key.type() == Type.QUANTITY ? key.dimension() : Dimension.COUNT;
            Quantity q;
            try {
                q = QuantityParser.parse(text.replace(",", ""), d, key.plainNumber(), key.shownExample() == null ? d.example() : key.shownExample());
            } catch (QuantityException e) {
                throw new IllegalArgumentException(path + ": " + e.getMessage() + e.hint().map(h -> " (" + h + ")").orElse(""));
            }
            Matcher m = QuantityParser.NUMBER.matcher(text.strip().replace(",", "").replaceFirst("^\\$\\s*", ""));
            String unit = m.lookingAt() ? text.strip().replace(",", "").replaceFirst("^\\$\\s*", "").substring(m.end()).strip() : "";
            double factor = q.number().signum() == 0 ? 1 : q.value() / q.number().doubleValue();
            return new Reading(q.value(), factor, unit);
        }

        /** Sets the key to {@code value} (base unit) in the node tree. */
        public void set(double value) {
            ScalarNode node = new ScalarNode(Tag.STR, yaml(value), parent.getStartMark(), parent.getEndMark(), DumperOptions.ScalarStyle.PLAIN);
            List<NodeTuple> tuples = parent.getValue();
            for (int i = 0; i < tuples.size(); i++) {
                if (tuples.get(i).getKeyNode() instanceof ScalarNode k && name.equals(k.getValue())) {
                    Node old = tuples.get(i).getValueNode();
                    tuples.set(i, new NodeTuple(tuples.get(i).getKeyNode(),
                            new ScalarNode(Tag.STR, node.getValue(), old.getStartMark(), old.getEndMark(), DumperOptions.ScalarStyle.PLAIN)));
                    return;
                }
            }
            tuples.add(new NodeTuple(scalar(name, parent), node));
        }

        /** The workload with this key (and any other knob set) at its value. */
        public Workload bind() {
            return variation.bind();
        }

        /** The value as YAML text the key reads back exactly: the base unit ("115.74/s", "3000 USD", "25%"). */
        String yaml(double value) {
            String n = BigDecimal.valueOf(integer() ? Math.rint(value) : value).stripTrailingZeros().toPlainString();
            if (key.type() != Type.QUANTITY) {
                return n;
            }
            return switch (key.dimension()) {
                case COUNT, FLOPS, FRACTION -> n;
                case SIZE -> n + " B";
                case DURATION -> n + " s";
                case RATE -> n + "/s";
                case DATA_RATE -> n + " B/s";
                case MONEY -> n + " USD";
                case MONEY_RATE -> n + " USD/month";
                case POWER -> n + " W";
                case ENERGY_PRICE -> n + " USD/kWh";
                case PERCENT -> BigDecimal.valueOf(value).multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
            };
        }
    }

    /**
     * A value read from the command line.
     *
     * @param value in the key's base unit
     * @param factor base units per unit as written (86400⁻¹ for "/day")
     * @param unit the unit as written ("/day", "B", "USD"; empty for a bare number)
     */
    public record Reading(double value, double factor, String unit) {}
}
