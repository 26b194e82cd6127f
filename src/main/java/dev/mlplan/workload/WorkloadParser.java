package dev.mlplan.workload;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads workload YAML (docs/design.md, Workload YAML, schema version 1) into a {@link Workload}, with errors that name
 * the file, line and column, what was expected, and a "did you mean" hint.
 *
 * <p>Every problem, including unreadable files, malformed YAML and unexpected failures, is reported
 * as a {@link WorkloadException}; no other exception escapes {@code parse}.
 */
public final class WorkloadParser {
    /** Largest accepted file, in bytes (and characters for {@link #parse(String, String)}). */
    public static final int MAX_BYTES = 1_000_000;

    /**
     * Longest run of characters without a space or line break. SnakeYAML's reader copies its whole
     * look-ahead window each time it reads on inside one token, so reading a token takes time that
     * grows with the square of its length (a 900,000-character value took 4 s and 1 GB); a longer run
     * is refused before YAML reads it. No workload value comes near it (a name is at most 63).
     */
    public static final int MAX_RUN = 10_000;

    static final int MAX_ALIASES = 10;
    static final int MAX_NESTING = 50;

    private final Set<String> knownPresets;
    private final Set<String> diffusionPresets;
    private final Set<String> speechPresets;
    private final Map<String, PresetContext> contexts;
    /** The catalog's regions and accelerator names, checked when not empty (see {@link #checkingCatalog}). */
    private Set<String> catalogRegions = Set.of();
    private Set<String> catalogAccelerators = Set.of();

    /** A parser that knows no diffusion presets: {@code inference.steps} and {@code resolution} are refused. */
    public WorkloadParser(Set<String> knownPresets) {
        this(knownPresets, Set.of());
    }

    /**
     * @param knownPresets model preset names accepted in {@code preset:} (from the estimate package)
     * @param diffusionPresets the presets that take {@code inference.steps} and {@code inference.resolution}
     */
    public WorkloadParser(Set<String> knownPresets, Set<String> diffusionPresets) {
        this(knownPresets, diffusionPresets, Set.of(), Map.of());
    }

    /**
     * @param speechPresets the presets that take {@code batch.audio_seconds} (and need it in a batch job)
     * @param contexts the context window of each preset that has one: a request's tokens or a training
     *     sequence longer than it is refused with the numbers (a workload's own {@code context_length}
     *     takes its place)
     */
    public WorkloadParser(Set<String> knownPresets, Set<String> diffusionPresets, Set<String> speechPresets, Map<String, PresetContext> contexts) {
        this.knownPresets = Set.copyOf(knownPresets);
        this.diffusionPresets = Set.copyOf(diffusionPresets);
        this.speechPresets = Set.copyOf(speechPresets);
        this.contexts = Map.copyOf(contexts);
    }

    /**
     * This parser, also refusing a region the catalog does not price and a {@code local.accelerator}
     * it does not know, at their line and column with a did-you-mean: what planning would refuse, so
     * that a file {@code mlplan validate} accepts is one {@code recommend} accepts.
     */
    public WorkloadParser checkingCatalog(Set<String> regions, Set<String> accelerators) {
        WorkloadParser p = new WorkloadParser(knownPresets, diffusionPresets, speechPresets, contexts);
        p.catalogRegions = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(regions));
        p.catalogAccelerators = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(accelerators));
        return p;
    }

    /** @throws WorkloadException for any problem with the file or its content */
    public Workload parse(Path file) {
        String display = file.toString();
        try {
            // what the name is, before anything is opened: a FIFO or a device is never opened and waited on
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                throw WorkloadException.ofFile(display, "is a directory, not a workload file");
            }
            if (!attributes.isRegularFile()) {
                throw WorkloadException.ofFile(display, "is not a regular file (" + kind(attributes)
                        + "); to read a workload from standard input, give '-'");
            }
            if (attributes.size() > MAX_BYTES) {
                throw tooLarge(display, attributes.size());
            }
            try (InputStream in = Files.newInputStream(file)) {
                return parse(display, in);
            }
        } catch (WorkloadException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw WorkloadException.ofFile(display, missing(file));
        } catch (AccessDeniedException e) {
            throw WorkloadException.ofFile(display, Files.isDirectory(file) || Files.exists(file)
                    ? "cannot read the file: permission denied"
                    : "cannot read the file: permission denied on a directory of its path");
        } catch (FileSystemException e) {
            String reason = String.valueOf(e.getReason());
            if (reason.contains("symbolic link")) {
                throw WorkloadException.ofFile(display, "is a symbolic-link loop (too many levels of symbolic links)");
            }
            throw WorkloadException.ofFile(display, "cannot read the file: " + reason);
        } catch (IOException e) {
            throw WorkloadException.ofFile(display, "cannot read the file: " + e.getMessage());
        } catch (RuntimeException e) {
            throw WorkloadException.ofFile(display, "cannot read the file: " + e);
        }
    }

    /**
     * Reads a workload from a stream (standard input for {@code -}), at most {@link #MAX_BYTES}.
     *
     * @param displayName the name used in messages, such as {@code <stdin>}
     * @throws WorkloadException for any problem with the content or the stream
     */
    public Workload parse(String displayName, InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw WorkloadException.ofFile(displayName, "cannot read the file: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(displayName, bytes.length);
        }
        return parse(displayName, decode(displayName, bytes));
    }

    private static String kind(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return "a symbolic link";
        }
        if (attributes.isOther()) {
            return "a FIFO, socket or device";
        }
        return "not a plain file";
    }

    /** Why a name that readAttributes cannot find is missing: a dangling link, a missing directory, or the file. */
    private static String missing(Path file) {
        if (Files.isSymbolicLink(file)) {
            return "file not found (a symbolic link to a missing file)";
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            return "file not found (no directory " + parent + ")";
        }
        return "file not found";
    }

    /**
     * @param displayName the file name used in messages
     * @throws WorkloadException for any problem with the content
     */
    public Workload parse(String displayName, String yaml) {
        if (yaml.length() > MAX_BYTES) {
            throw tooLarge(displayName, yaml.length());
        }
        String text = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
        checkRuns(displayName, text);
        return bind(displayName, text, () -> compose(displayName, text));
    }

    /**
     * Binds the node tree {@code root} supplies (composed from {@code text}) with the one binder, every
     * problem reported as {@link #parse(String, String)} reports it. {@link WorkloadVariation} binds
     * an edited tree here, so that an edited value is checked as if the user had written it.
     */
    Workload bind(String displayName, String text, java.util.function.Supplier<Node> root) {
        WorkloadBinder binder = new WorkloadBinder(displayName, knownPresets, diffusionPresets, speechPresets, contexts);
        binder.checkCatalog(catalogRegions, catalogAccelerators);
        try {
            return binder.bind(root.get());
        } catch (WorkloadException e) {
            throw e;
        } catch (MarkedYAMLException e) {
            throw fromMarked(displayName, e);
        } catch (ReaderException e) {
            throw fromReader(displayName, text, e);
        } catch (YAMLException e) {
            throw fromYaml(displayName, e);
        } catch (StackOverflowError e) {
            throw WorkloadException.ofFile(displayName, "the document is nested too deeply");
        } catch (RuntimeException e) {
            Node at = binder.lastNode();
            String problem = "could not read this value (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
            if (at == null) {
                throw WorkloadException.ofFile(displayName, problem);
            }
            throw binder.error(at, problem, "this is a bug in mlplan; please report it with the file");
        }
    }

    /** The options SnakeYAML composes with: strict, small limits (a workload is tiny). */
    static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowDuplicateKeys(false);
        return options;
    }

    static Node compose(String display, String text) {
        // what Yaml.composeAll does, without building a Yaml: its object constructor (unused here) sets
        // up java.util.logging, some 10 ms of every start (docs/performance.md)
        LoaderOptions options = loaderOptions();
        Composer documents = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), new Resolver(), options);
        if (!documents.checkNode()) {
            throw WorkloadException.ofFile(display, "file is empty: expected a workload with at least 'version' and 'name'");
        }
        Node root = documents.getNode();
        boolean emptyRoot = root instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
        if (documents.checkNode()) {
            Node second = documents.getNode();
            Mark mark = second.getStartMark();
            throw new WorkloadException(display, mark.getLine() + 1, mark.getColumn() + 1,
                    "a second YAML document starts here; a workload file holds one document",
                    "put each workload in its own file");
        }
        if (emptyRoot) {
            throw WorkloadException.ofFile(display, "file is empty: expected a workload with at least 'version' and 'name'");
        }
        refuseForeignTags(display, root, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        return root;
    }

    /**
     * A local tag ({@code !bytes}) or one a {@code %TAG} directive names ({@code !e!size}) would be
     * ignored by mlplan yet change the value for another YAML tool: refused, as SnakeYAML refuses
     * global tags; YAML's own ({@code !!str}) pass.
     */
    private static void refuseForeignTags(String display, Node node, Set<Node> seen) {
        if (!seen.add(node)) {
            return;
        }
        String tag = node.getTag().getValue();
        if (!tag.startsWith(Tag.PREFIX)) {
            Mark mark = node.getStartMark();
            throw new WorkloadException(display, mark.getLine() + 1, mark.getColumn() + 1,
                    "tag " + QuantityParser.quote(tag) + " is not supported", "a workload value has no tags; remove it");
        }
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                refuseForeignTags(display, t.getKeyNode(), seen);
                refuseForeignTags(display, t.getValueNode(), seen);
            }
        } else if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                refuseForeignTags(display, item, seen);
            }
        }
    }

    /** Refuses a run of more than {@link #MAX_RUN} characters without a space or line break, where it starts. */
    static void checkRuns(String display, String text) {
        int line = 1;
        int column = 0;
        int run = 0;
        int runLine = 0;
        int runColumn = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 0;
                run = 0;
                continue;
            }
            if (!Character.isLowSurrogate(c)) {
                column++;
            }
            if (c == ' ' || c == '\t' || c == '\r') {
                run = 0;
            } else if (run++ == 0) {
                runLine = line;
                runColumn = column;
            } else if (run > MAX_RUN) {
                throw new WorkloadException(display, runLine, runColumn,
                        String.format(Locale.ROOT, "more than %,d characters without a space or line break", MAX_RUN),
                        "no workload value is that long; a number has at most " + QuantityParser.MAX_NUMBER_CHARS + " characters");
            }
        }
    }

    private static WorkloadException tooLarge(String display, long size) {
        return WorkloadException.ofFile(display, "file is too large (" + size + " bytes; the limit is " + MAX_BYTES
                + " bytes); a workload file is a few kilobytes");
    }

    /** Decodes strict UTF-8, naming the byte offset and line of the first bad byte. */
    static String decode(String display, byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        if (bytes.length >= 4 && (bytes[0] == 0 && bytes[1] == 0 && (bytes[2] & 0xff) == 0xFE && (bytes[3] & 0xff) == 0xFF
                || (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE && bytes[2] == 0 && bytes[3] == 0)) {
            throw WorkloadException.ofFile(display, "file is UTF-32 encoded; save it as UTF-8");
        }
        if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF
                || (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE)) {
            throw WorkloadException.ofFile(display, "file is UTF-16 encoded; save it as UTF-8");
        }
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw atByte(display, bytes, i, "file looks binary: NUL byte at offset " + i, "a workload is a UTF-8 text file");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw atByte(display, bytes, offset,
                    String.format(Locale.ROOT, "not valid UTF-8: byte 0x%02X at offset %d", bytes[offset] & 0xff, offset),
                    "save the file as UTF-8");
        }
        out.flip();
        return out.toString();
    }

    private static WorkloadException atByte(String display, byte[] bytes, int offset, String problem, String hint) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
        int column = before.codePointCount(0, before.length()) + 1;
        return new WorkloadException(display, line, column, problem, hint);
    }

    private static WorkloadException fromMarked(String display, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem().strip();
        String hint = null;
        if (problem.contains("\\t(TAB)") || problem.contains("\t")) {
            problem = "tab character; YAML indents with spaces";
            hint = "replace the tab with spaces";
        } else {
            problem = "invalid YAML: " + problem;
            if (e.getContext() != null && e.getContextMark() != null && e.getContextMark() != mark) {
                Mark c = e.getContextMark();
                hint = e.getContext().strip() + " that starts at line " + (c.getLine() + 1) + ", column " + (c.getColumn() + 1);
            } else if (e.getContext() != null) {
                hint = e.getContext().strip();
            }
        }
        if (mark == null) {
            return WorkloadException.ofFile(display, problem);
        }
        return new WorkloadException(display, mark.getLine() + 1, mark.getColumn() + 1, problem, hint);
    }

    private static WorkloadException fromReader(String display, String text, ReaderException e) {
        int index = e.getPosition();
        int line = 1;
        int column = 1;
        int cp = 0;
        for (int i = 0; i < text.length() && cp < index; cp++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        String problem = String.format(Locale.ROOT, "character U+%04X is not allowed in YAML", e.getCodePoint());
        return new WorkloadException(display, line, column, problem, "remove it; a workload is a plain text file");
    }

    private static WorkloadException fromYaml(String display, YAMLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Number of aliases")) {
            return WorkloadException.ofFile(display,
                    "too many aliases (more than " + MAX_ALIASES + " references to lists or mappings)");
        }
        if (message.contains("Nesting Depth")) {
            return WorkloadException.ofFile(display, "the document is nested more than " + MAX_NESTING + " levels deep");
        }
        if (message.contains("exceeds the limit")) {
            return tooLarge(display, MAX_BYTES + 1L);
        }
        return WorkloadException.ofFile(display, "invalid YAML: " + message.lines().findFirst().orElse(message));
    }

    /** Where a key stands in a workload file: 1-based line and column. */
    public record Position(int line, int column) {}

    /**
     * Where the nested key {@code keys} (e.g. {@code "budget", "monthly"}) stands in workload YAML,
     * from the composer's node marks; empty when the text does not compose or has no such key. For
     * pointing a message (a CI annotation) at a line, never for reading values: the binder does that.
     */
    public static java.util.Optional<Position> position(String yaml, String... keys) {
        Node node;
        try {
            node = compose("", yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml);
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
        Node key = null;
        for (String k : keys) {
            if (!(node instanceof org.yaml.snakeyaml.nodes.MappingNode m)) {
                return java.util.Optional.empty();
            }
            org.yaml.snakeyaml.nodes.NodeTuple found = m.getValue().stream()
                    .filter(t -> t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(k)).findFirst().orElse(null);
            if (found == null) {
                return java.util.Optional.empty();
            }
            key = found.getKeyNode();
            node = found.getValueNode();
        }
        return key == null ? java.util.Optional.empty()
                : java.util.Optional.of(new Position(key.getStartMark().getLine() + 1, key.getStartMark().getColumn() + 1));
    }
}
