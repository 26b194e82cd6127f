package dev.mlplan.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import picocli.CommandLine;

class ClassVersionUpgradeTest {
    @TempDir
    Path dir;

    /** A Java 5 class {@code demo.Abs} with {@code static int abs(int)}: a branch, so version 52 needs a stack-map frame. */
    private static byte[] java5Abs() {
        ClassWriter w = new ClassWriter(0);
        w.visit(Opcodes.V1_5, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "demo/Abs", null, "java/lang/Object", null);
        MethodVisitor m = w.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "abs", "(I)I", null, null);
        m.visitCode();
        Label negative = new Label();
        m.visitVarInsn(Opcodes.ILOAD, 0);
        m.visitJumpInsn(Opcodes.IFLT, negative);
        m.visitVarInsn(Opcodes.ILOAD, 0);
        m.visitInsn(Opcodes.IRETURN);
        m.visitLabel(negative);
        m.visitVarInsn(Opcodes.ILOAD, 0);
        m.visitInsn(Opcodes.INEG);
        m.visitInsn(Opcodes.IRETURN);
        m.visitMaxs(1, 1);
        m.visitEnd();
        w.visitEnd();
        return w.toByteArray();
    }

    @Test
    void aJava5ClassBecomesAVerifiableJava8ClassThatBehavesTheSame() throws Exception {
        Path in = dir.resolve("in/demo");
        Files.createDirectories(in);
        Files.write(in.resolve("Abs.class"), java5Abs());
        assertThat(ClassVersionUpgrade.majorVersion(java5Abs())).isEqualTo(49);

        int n = ClassVersionUpgrade.upgrade(dir.resolve("in"), dir.resolve("out"));

        assertThat(n).isEqualTo(1);
        byte[] upgraded = Files.readAllBytes(dir.resolve("out/demo/Abs.class"));
        assertThat(ClassVersionUpgrade.majorVersion(upgraded)).isEqualTo(52);
        // the JVM's type-checking verifier accepts it (version 52 has no fallback to the old verifier)
        Class<?> c = new ClassLoader(null) {
            Class<?> define() {
                return defineClass("demo.Abs", upgraded, 0, upgraded.length);
            }
        }.define();
        Method abs = c.getMethod("abs", int.class);
        assertThat(abs.invoke(null, -7)).isEqualTo(7);
        assertThat(abs.invoke(null, 5)).isEqualTo(5);
    }

    @Test
    void newerClassFilesAreCopiedUnchanged() throws Exception {
        byte[] own;
        try (InputStream s = ClassVersionUpgrade.class.getResourceAsStream("ClassVersionUpgrade.class")) {
            own = s.readAllBytes();
        }
        Files.createDirectories(dir.resolve("in/x"));
        Files.write(dir.resolve("in/x/ClassVersionUpgrade.class"), own);
        ClassVersionUpgrade.upgrade(dir.resolve("in"), dir.resolve("out"));
        assertThat(Files.readAllBytes(dir.resolve("out/x/ClassVersionUpgrade.class"))).isEqualTo(own);
    }

    @Test
    void whatAnEarlierBuildLeftIsReplacedAndAnEmptyInputIsAnError() throws Exception {
        Files.createDirectories(dir.resolve("in/demo"));
        Files.write(dir.resolve("in/demo/Abs.class"), java5Abs());
        Files.createDirectories(dir.resolve("out/demo"));
        Files.writeString(dir.resolve("out/demo/Stale.class"), "from another version");
        Files.createDirectories(dir.resolve("out/other"));
        Files.writeString(dir.resolve("out/other/Kept.class"), "not ours");

        ClassVersionUpgrade.upgrade(dir.resolve("in"), dir.resolve("out"));

        assertThat(dir.resolve("out/demo/Stale.class")).doesNotExist();
        assertThat(dir.resolve("out/demo/Abs.class")).exists();
        assertThat(dir.resolve("out/other/Kept.class")).exists();
        Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> ClassVersionUpgrade.upgrade(dir.resolve("empty"), dir.resolve("out")))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("no class files");
    }

    /** The build put the upgraded picocli in target/classes, ahead of the original jar: every CLI test runs on it. */
    @Test
    void thePicocliOnTheClassPathIsTheUpgradedCopy() throws Exception {
        URL url = CommandLine.class.getResource("CommandLine.class");
        assertThat(url.getProtocol()).as(url.toString()).isEqualTo("file");
        try (InputStream s = url.openStream()) {
            assertThat(ClassVersionUpgrade.majorVersion(s.readAllBytes())).isEqualTo(52);
        }
    }
}
