package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.veritally.core.validation.ReadRule;
import org.veritally.core.validation.Rule;
import org.veritally.core.validation.RuleId;
import org.veritally.image.ImageRule;
import org.veritally.server.auth.AuthRule;
import org.veritally.server.intake.RebuildRule;
import org.veritally.server.log.LogRule;
import org.veritally.server.ops.ServerRule;
import org.veritally.server.stats.StatsRule;
import org.veritally.store.StoreRule;
import org.veritally.verify.Check;
import org.veritally.verify.EvidenceRule;
import org.veritally.verify.ExportRule;
import org.veritally.verify.ManifestRule;
import org.veritally.verify.PageRule;

/**
 * Every rule ID of every {@link RuleId} family is unique, documented under docs/ (docs/validation.md
 * is the table) and named by at least one test source other than this one. A new family is added to
 * {@link #FAMILIES}.
 */
class RuleCoverageTest {
    static final List<Class<? extends Enum<? extends RuleId>>> FAMILIES = List.of(
            Rule.class,
            ReadRule.class,
            org.veritally.core.transcribe.TranscriptionRule.class,
            org.veritally.translog.Rule.class,
            ServerRule.class,
            AuthRule.class,
            LogRule.class,
            StatsRule.class,
            RebuildRule.class,
            StoreRule.class,
            Check.class,
            ManifestRule.class,
            PageRule.class,
            ExportRule.class,
            EvidenceRule.class,
            ImageRule.class,
            org.veritally.formats.qr.BoletimRule.class,
            org.veritally.server.integrity.IntegrityRule.class,
            org.veritally.core.rulebook.KeyRule.class,
            org.veritally.core.rulebook.AuditRule.class);
    static final Path ROOT = Path.of("..");

    static List<RuleId> all() {
        List<RuleId> out = new ArrayList<>();
        for (var family : FAMILIES) {
            for (var c : family.getEnumConstants()) out.add((RuleId) c);
        }
        return out;
    }

    @Test
    void everyRuleIdIsUniqueAcrossFamilies() {
        Map<String, RuleId> seen = new HashMap<>();
        for (RuleId r : all()) {
            assertThat(seen.put(r.id(), r))
                    .as("%s is the ID of two rules", r.id())
                    .isNull();
            assertThat(r.id()).matches("[A-Z0-9]+(-[A-Z0-9]+)+");
            assertThat(r.description()).as(r.id()).isNotBlank();
        }
    }

    @Test
    void everyRuleIdIsDocumented() {
        String docs = text(ROOT.resolve("docs"), ".md");
        assertThat(all())
                .filteredOn(r -> !mentions(docs, r.id()))
                .extracting(RuleId::id)
                .as("rule IDs missing from docs/")
                .isEmpty();
    }

    @Test
    void everyRuleIdIsNamedByATest() {
        StringBuilder tests = new StringBuilder();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path m : modules.filter(p -> Files.isDirectory(p.resolve("src/test/java")))
                    .toList()) {
                tests.append(text(m.resolve("src/test/java"), ".java"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String all = tests.toString();
        assertThat(all())
                .filteredOn(r -> !mentions(all, r.id()))
                .extracting(RuleId::id)
                .as("rule IDs no test names")
                .isEmpty();
    }

    /**
     * Whether {@code text} holds {@code id} as a whole ID (so {@code TS-FLAG} is not found in {@code TS-FLAG-ZERO}).
     */
    static boolean mentions(String text, String id) {
        return Pattern.compile("(?<![A-Z0-9-])" + Pattern.quote(id) + "(?![A-Z0-9]|-[A-Z0-9])")
                .matcher(text)
                .find();
    }

    /** The text of every file under {@code dir} whose name ends with {@code suffix}, except this test. */
    private static String text(Path dir, String suffix) {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
                if (f.getFileName().toString().equals(RuleCoverageTest.class.getSimpleName() + ".java")) continue;
                sb.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }
}
