package dev.mlplan.robust;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The second bad-input corpus (issue 19.7): hostile kinds the first ({@link BadInputs}) does not
 * hold, written as bytes at test time because many are not valid text. Each names the line and
 * column of the problem (0 when the problem is the whole file) and a fragment of the message.
 */
final class HostileInputs {
    /**
     * @param name the file is {@code name + ".yaml"}
     * @param line expected line, 0 when the problem has no position
     * @param column expected column, 0 when none
     * @param fragment part of the message
     */
    record Kind(String name, byte[] content, int line, int column, String fragment) {
        @Override
        public String toString() {
            return name;
        }

        String file() {
            return name + ".yaml";
        }
    }

    private static final String HEAD = "version: 1\nname: h\n";
    private static final String STORAGE = "storage: { data: 1 GB }\n";
    private static final String TRAINING = HEAD + "training:\n  model: { preset: distilbert }\n  dataset: { size: 1 GB, tokens: 1e9 }\n";
    private static final String INFERENCE = HEAD + "inference:\n  model: { preset: distilbert }\n  traffic: { average: 1/s, peak: 1/s }\n";

    private HostileInputs() {}

    static List<Kind> all() {
        List<Kind> k = new ArrayList<>();
        // numbers
        k.add(text("digits-900k", INFERENCE + "  tokens_in: " + "9".repeat(900_000) + "\n", 6, 14, "more than 10,000 characters without a space"));
        k.add(text("digits-41", INFERENCE + "  tokens_in: " + "1".repeat(41) + "\n", 6, 14, "is too long for a number (41 characters; at most 40)"));
        k.add(text("quantity-digits-41", HEAD + "storage: { data: " + "1".repeat(41) + " GB }\n", 3, 18, "is too long for a number"));
        k.add(text("exponent-overflow", HEAD + "storage: { data: 1e99999999999 GB }\n", 3, 18, "\"1e99999999999 GB\" is too large"));
        k.add(text("exponent-underflow", HEAD + "storage: { data: 1e-99999999999 GB }\n", 3, 18, "is too large"));
        k.add(text("negative-zero", TRAINING + "  epochs: -0\n", 6, 11, "greater than 0, found \"-0\""));
        k.add(text("yaml-dot-inf-whole-number", INFERENCE + "  tokens_in: .inf\n", 6, 14, "expected a whole number, found \".inf\""));
        k.add(text("hex", TRAINING + "  epochs: 0x10\n", 6, 11, "found \"0x10\""));
        k.add(text("octal-leading-zero", TRAINING + "  epochs: 017\n", 6, 11, "\"017\" starts with a zero, which YAML 1.1 reads as octal"));
        k.add(text("octal-0o", TRAINING + "  epochs: 0o17\n", 6, 11, "found \"0o17\""));
        k.add(text("sexagesimal", TRAINING + "  epochs: 1:30\n", 6, 11, "found \"1:30\""));
        k.add(text("underscore-digits", TRAINING + "  epochs: 1_000\n", 6, 11, "found \"1_000\""));
        k.add(text("fullwidth-digit", HEAD + "storage: { data: \uff110 GB }\n", 3, 18, "expected a size such as \"200 GB\""));
        k.add(text("arabic-indic-digit", TRAINING + "  epochs: \u0663\n", 6, 11, "expected a number"));
        // look-alikes and invisible characters
        k.add(text("cyrillic-unit", HEAD + "storage: { data: 10 G\u0412 }\n", 3, 18, "unknown unit"));
        k.add(text("zwsp-in-key", HEAD + "epo\u200bchs: 1\n" + STORAGE, 3, 1, "unknown key 'epo\\u200Bchs'"));
        k.add(text("zwsp-in-unit", HEAD + "storage: { data: 10 G\u200bB }\n", 3, 18, "unknown unit 'G\\u200BB' (did you mean 'GB'?)"));
        k.add(text("rlo-in-unit", HEAD + "storage: { data: \"10 \u202eBG\" }\n", 3, 18, "unknown unit '\\u202EBG'"));
        k.add(text("quoted-key-trailing-space", HEAD + "\"storage \": { data: 1 GB }\n", 3, 1, "unknown key 'storage ' at the top level (did you mean 'storage'?)"));
        // characters YAML refuses or reads as line breaks
        k.add(text("c1-csi-raw", HEAD + "description: a\u009b2J\n" + STORAGE, 3, 15, "character U+009B is not allowed"));
        k.add(text("nel-line-break", HEAD + "description: a\u0085foo: 1\n" + STORAGE, 4, 1, "unknown key 'foo'"));
        k.add(text("line-separator-in-key", HEAD + "descr\u2028iption: a\n" + STORAGE, 4, 1, "invalid YAML"));
        k.add(text("cr-only-line-ends", "version: 1\rname: h\rfoo: 1\r" + STORAGE, 3, 1, "unknown key 'foo'"));
        k.add(text("mixed-line-ends", "version: 1\r\nname: h\nfoo: 1\r\n" + STORAGE, 3, 1, "unknown key 'foo'"));
        k.add(text("nul-in-middle", HEAD + "description: a\u0000b\n" + STORAGE, 3, 15, "NUL byte at offset 33"));
        // encodings
        k.add(new Kind("utf32be-bom", "\ufeffversion: 1\n".getBytes(java.nio.charset.Charset.forName("UTF-32BE")), 0, 0, "file is UTF-32 encoded"));
        k.add(new Kind("utf32le-bom", "\ufeffversion: 1\n".getBytes(java.nio.charset.Charset.forName("UTF-32LE")), 0, 0, "file is UTF-32 encoded"));
        k.add(new Kind("utf16-no-bom", (HEAD).getBytes(StandardCharsets.UTF_16LE), 1, 2, "NUL byte at offset 1"));
        k.add(bytes("overlong-utf8", HEAD + "description: a", new byte[] {(byte) 0xC0, (byte) 0xAF}, "b\n" + STORAGE, 3, 15, "not valid UTF-8: byte 0xC0"));
        k.add(bytes("utf8-encoded-surrogate", HEAD + "description: a", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "b\n" + STORAGE, 3, 15,
                "not valid UTF-8: byte 0xED"));
        k.add(bytes("truncated-utf8", HEAD + "description: a", new byte[] {(byte) 0xE2, (byte) 0x82}, "\n" + STORAGE, 3, 15, "not valid UTF-8: byte 0xE2"));
        // sizes
        k.add(text("run-of-10001", HEAD + "description: " + "x".repeat(10_001) + "\n" + STORAGE, 3, 14, "more than 10,000 characters"));
        k.add(text("huge-key", HEAD + "k".repeat(9_000) + ": 1\n" + STORAGE, 3, 9001, "invalid YAML"));
        StringBuilder flood = new StringBuilder(HEAD + "a: &x 1\n");
        for (int i = 0; i < 2000; i++) {
            flood.append("b").append(i).append(": *x\n");
        }
        k.add(text("scalar-alias-flood", flood + STORAGE, 3, 1, "unknown key 'a'"));
        // tags and directives
        k.add(text("java-gadget-tag", HEAD + "storage: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x/\"]]]]\n",
                3, 10, "Global tag is not allowed"));
        k.add(text("local-tag", HEAD + "storage: { data: !bytes 1 GB }\n", 3, 18, "tag \"!bytes\" is not supported"));
        k.add(text("tag-directive", "%TAG !e! tag:example.com,2000:\n---\n" + HEAD + "storage: { data: !e!size 1 GB }\n", 5, 18,
                "tag \"tag:example.com,2000:size\" is not supported"));
        k.add(text("yaml-1-2-directive", "%YAML 1.2\n---\n" + HEAD + STORAGE + "foo: 1\n", 6, 1, "unknown key 'foo'"));
        // keys and structure
        k.add(text("complex-key", HEAD + "? [a, b]\n: 1\n" + STORAGE, 3, 3, "keys must be plain names"));
        k.add(text("numeric-key", HEAD + "1: x\n" + STORAGE, 3, 1, "unknown key '1'"));
        k.add(text("yaml11-bool-key", HEAD + "on: true\n" + STORAGE, 3, 1, "unknown key 'on'"));
        k.add(text("document-end-then-text", HEAD + STORAGE + "...\nfoo: 1\n", 5, 1, "invalid YAML"));
        k.add(text("root-anchor-merged-into-itself", "&r\nversion: 1\nname: h\n<<: *r\n" + STORAGE, 4, 1, "merge keys ('<<') are not supported"));
        k.add(text("empty-flow-mapping", HEAD + "storage: {}\n", 3, 1, "storage: missing required key 'data'"));
        k.add(text("tilde-null-value", HEAD + "storage:\n  data: ~\n", 4, 9, "found an empty value"));
        k.add(text("only-document-markers", "---\n...\n---\n...\n", 4, 1, "a second YAML document starts here"));
        // not in the catalog, with line and column
        k.add(text("region-not-in-catalog", HEAD + "regions: [us-east-1, eu-wst-1]\n" + STORAGE, 3, 22, "region 'eu-wst-1' is not in the catalog (did you mean 'eu-west-1'?)"));
        k.add(text("accelerator-not-in-catalog", HEAD.replace("name: h", "name: h") + "local:\n  accelerator: rtx-9999\n  hardware_cost: 4500 USD\n"
                + "  amortization: 36 months\n  power: 600 W\n  electricity: 0.15 USD/kWh\n"
                + "training:\n  model: { preset: distilbert }\n  dataset: { size: 1 GB, tokens: 1e9 }\n", 4, 16, "accelerator 'rtx-9999' is not in the catalog"));
        return k;
    }

    private static Kind text(String name, String content, int line, int column, String fragment) {
        return new Kind(name, content.getBytes(StandardCharsets.UTF_8), line, column, fragment);
    }

    private static Kind bytes(String name, String before, byte[] middle, String after, int line, int column, String fragment) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return new Kind(name, all, line, column, fragment);
    }
}
