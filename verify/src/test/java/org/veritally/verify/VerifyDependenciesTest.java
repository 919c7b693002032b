package org.veritally.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The verifier stays small enough to audit (DESIGN.md: "the verify path uses core, translog and
 * formats only"): every class the module's compiled code refers to is in the JDK ({@code java.*})
 * or in {@code org.veritally.{core,translog,formats,verify}}; the statistics of risk-limiting audits
 * are core's ({@code org.veritally.core.audit.risk}, run by the rulebook: issue 19, docs/audit.md),
 * so nothing of {@code stats} is allowed. Read from the class files' constant pools (class references and type
 * descriptors), so a fully qualified name without an import is caught too. ArchUnit is not in
 * the offline repository; this is the hand-written equivalent.
 */
class VerifyDependenciesTest {

    static final List<String> ALLOWED = List.of(
            "java/",
            "org/veritally/core/",
            "org/veritally/translog/",
            "org/veritally/formats/",
            "org/veritally/verify/");

    @Test
    void verifyUsesOnlyTheJdkCoreTranslogAndFormats() throws Exception {
        Path classes = Path.of(Verifier.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<String> violations = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                scanned++;
                for (String ref : referencedClasses(f)) {
                    if (ALLOWED.stream().noneMatch(ref::startsWith)) {
                        violations.add(classes.relativize(f) + " -> " + ref);
                    }
                }
            }
        }
        assertThat(scanned).as("compiled classes of the verify module").isGreaterThan(15);
        assertThat(violations).isEmpty();
    }

    @Test
    void theScanSeesWhatAClassUses() throws Exception {
        Path self = Path.of(VerifyDependenciesTest.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .resolve("org/veritally/verify/VerifyDependenciesTest.class");
        assertThat(referencedClasses(self)).contains("org/junit/jupiter/api/Test", "java/nio/file/Files");
    }

    private static final Pattern DESCRIPTOR_TYPE = Pattern.compile("L([\\w/$]+);");

    /** Binary names of every class a class file refers to, from its constant pool (JVMS §4.4). */
    static Set<String> referencedClasses(Path classFile) throws IOException, URISyntaxException {
        Set<String> out = new TreeSet<>();
        try (InputStream in = Files.newInputStream(classFile);
                DataInputStream d = new DataInputStream(in)) {
            d.readInt(); // magic
            d.readUnsignedShort();
            d.readUnsignedShort();
            int count = d.readUnsignedShort();
            String[] utf8 = new String[count];
            List<Integer> classNames = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = d.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = d.readUTF();
                    case 7 -> classNames.add(d.readUnsignedShort());
                    case 8, 16, 19, 20 -> d.readUnsignedShort();
                    case 15 -> d.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> d.readInt();
                    case 5, 6 -> {
                        d.readLong();
                        i++;
                    }
                    default -> throw new IOException(classFile + ": unknown constant pool tag " + tag);
                }
            }
            for (int idx : classNames) {
                String name = utf8[idx];
                Matcher arrayOf = DESCRIPTOR_TYPE.matcher(name);
                if (name.startsWith("[")) {
                    while (arrayOf.find()) {
                        out.add(arrayOf.group(1));
                    }
                } else {
                    out.add(name);
                }
            }
            for (String s : utf8) {
                if (s != null && (s.startsWith("(") || s.startsWith("L") || s.startsWith("["))) {
                    Matcher m = DESCRIPTOR_TYPE.matcher(s);
                    while (m.find()) {
                        out.add(m.group(1));
                    }
                }
            }
        }
        return out;
    }
}
