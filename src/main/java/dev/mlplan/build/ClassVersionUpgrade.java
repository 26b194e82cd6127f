package dev.mlplan.build;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build step: rewrites Java 5 class files (version 49) as Java 8 ones (version 52) with computed
 * stack-map frames, so that the JDK's class-data-sharing archive can hold them.
 *
 * <p>picocli ships Java 5 class files; JDK 17's dynamic CDS archive skips them ("Pre JDK 6 class not
 * supported by CDS"), so every start of mlplan loaded, parsed and verified picocli from the jar with the
 * old type-inferring verifier. The build unpacks picocli, runs this over it into {@code target/classes}
 * and leaves the original jar out of the fat jar (pom.xml); the code is unchanged, only the class-file
 * version and the StackMapTable attributes that version 50+ requires. Figures in docs/performance.md.
 *
 * <p>Runs at build time only (ASM is a {@code provided} dependency; this package is not in the fat jar).
 * Usage: {@code ClassVersionUpgrade INPUT_DIR OUTPUT_DIR}.
 */
public final class ClassVersionUpgrade {
    /** The class-file version written: Java 8. */
    static final int TARGET = Opcodes.V1_8;

    private ClassVersionUpgrade() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ClassVersionUpgrade INPUT_DIR OUTPUT_DIR");
        }
        int n = upgrade(Path.of(args[0]), Path.of(args[1]));
        System.out.println("ClassVersionUpgrade: " + n + " class files from " + args[0] + " written as version " + TARGET + " to " + args[1]);
    }

    /**
     * Upgrades every class file under {@code in} older than version 52 into the same relative path
     * under {@code out}; newer ones are copied as they are, after deleting what {@code out} held under
     * the same top-level directories. Returns the number of class files written.
     *
     * @throws IOException when {@code in} holds no class file (a build step skipped or gone wrong)
     */
    public static int upgrade(Path in, Path out) throws IOException {
        List<Path> classes;
        try (Stream<Path> s = Files.walk(in)) {
            classes = s.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().equals("module-info.class")).sorted().toList();
        }
        if (classes.isEmpty()) {
            throw new IOException("no class files under " + in + " (was the library unpacked?)");
        }
        // what an earlier build wrote there (another version of the library, say) must not survive
        try (Stream<Path> tops = Files.list(in)) {
            for (Path top : tops.filter(Files::isDirectory).toList()) {
                deleteTree(out.resolve(top.getFileName().toString()));
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {in.toUri().toURL()}, ClassVersionUpgrade.class.getClassLoader())) {
            for (Path p : classes) {
                byte[] bytes = Files.readAllBytes(p);
                Path target = out.resolve(in.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.write(target, majorVersion(bytes) >= TARGET ? bytes : upgrade(bytes, loader));
            }
        }
        return classes.size();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The class-file major version (bytes 6–7). */
    public static int majorVersion(byte[] classFile) {
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    static byte[] upgrade(byte[] classFile, ClassLoader loader) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return loader;
            }
        };
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(TARGET, access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }
}
