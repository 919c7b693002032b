package org.veritally.translog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.RuleId;

/** C2SP tlog-checkpoint bodies, and signed checkpoints opened against the log's key. */
class CheckpointTest {

    static final String ORIGIN = "veritally.example/ve-2024";
    static final NoteSigner LOG = NoteSigner.generate(ORIGIN, VerifierKey.TYPE_ED25519);
    static final byte[] ROOT = Trees.hex(RfcReferenceVectorsTest.ROOTS[8]);

    static List<RuleId> rules(Parsed<?> p) {
        return p.problems().stream().map(Problem::rule).toList();
    }

    @Test
    @DisplayName("published bodies parse and re-format byte for byte (transparency-dev/formats, Go sumdb)")
    void publishedBodies() {
        Checkpoint log = Checkpoint.parse("Log\n123\nYmFuYW5hcw==\n").orElseThrow();
        assertThat(log.origin()).isEqualTo("Log");
        assertThat(log.size()).isEqualTo(123);
        assertThat(new String(log.rootHash(), StandardCharsets.UTF_8)).isEqualTo("bananas");
        String sum = "go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n";
        Checkpoint goSum = Checkpoint.parse(sum).orElseThrow();
        assertThat(goSum.size()).isEqualTo(123456789012L);
        assertThat(goSum.body()).isEqualTo(sum);
        Checkpoint ext = Checkpoint.parse("o\n0\nYmFuYW5hcw==\nfoo\nbar baz\n").orElseThrow();
        assertThat(ext.extensions()).containsExactly("foo", "bar baz");
    }

    @Test
    @DisplayName("CKPT-FMT-1: missing lines, empty lines, missing final newline")
    void CKPT_FMT_1() {
        assertThat(rules(Checkpoint.parse("o\n1\n"))).containsExactly(Rule.CKPT_FMT_1);
        assertThat(rules(Checkpoint.parse("o\n1\nYmFuYW5hcw=="))).containsExactly(Rule.CKPT_FMT_1);
        assertThat(rules(Checkpoint.parse("\n1\nYmFuYW5hcw==\n"))).containsExactly(Rule.CKPT_FMT_1);
        assertThat(rules(Checkpoint.parse("o\n1\nYmFuYW5hcw==\n\n"))).containsExactly(Rule.CKPT_FMT_1);
    }

    @Test
    @DisplayName("CKPT-FMT-2 / CKPT-FMT-3: leading zeroes, signs, overflow, non-canonical base64, all reported")
    void CKPT_FMT_2_3() {
        for (String size : new String[] {"01", "+1", "-1", "1.0", "9223372036854775808", " 1", "1e3"}) {
            assertThat(rules(Checkpoint.parse("o\n" + size + "\nYmFuYW5hcw==\n")))
                    .as(size)
                    .containsExactly(Rule.CKPT_FMT_2);
        }
        for (String hash : new String[] {"YmFuYW5hcw", "YmFuYW5hcx==", "YmFu YW5hcw==", "!!!!"}) {
            assertThat(rules(Checkpoint.parse("o\n1\n" + hash + "\n"))).as(hash).containsExactly(Rule.CKPT_FMT_3);
        }
        assertThat(rules(Checkpoint.parse("o\n01\n!!\n"))).containsExactly(Rule.CKPT_FMT_2, Rule.CKPT_FMT_3);
    }

    @Test
    @DisplayName("a signed checkpoint opens with the log key and origin")
    void signAndOpen() {
        SignedCheckpoint signed = SignedCheckpoint.sign(Checkpoint.of(ORIGIN, 8, ROOT), LOG);
        Parsed<SignedCheckpoint> opened = SignedCheckpoint.open(signed.format(), ORIGIN, LOG.verifierKey());
        assertThat(opened.isOk()).as("%s", opened.problems()).isTrue();
        assertThat(opened.orElseThrow().checkpoint().rootHash()).isEqualTo(ROOT);
    }

    @Test
    @DisplayName(
            "CKPT-ORIGIN-1 / CKPT-FMT-4 / NOTE-SIG-1 / NOTE-SIG-2: wrong origin, short root, other key, tampered size")
    void openRejects() {
        String good = SignedCheckpoint.sign(Checkpoint.of(ORIGIN, 8, ROOT), LOG).format();
        assertThat(rules(SignedCheckpoint.open(good, "other.example/log", LOG.verifierKey())))
                .containsExactly(Rule.CKPT_ORIGIN_1);
        String shortRoot = SignedCheckpoint.sign(Checkpoint.of(ORIGIN, 8, new byte[7]), LOG)
                .format();
        assertThat(rules(SignedCheckpoint.open(shortRoot, ORIGIN, LOG.verifierKey())))
                .containsExactly(Rule.CKPT_FMT_4);
        NoteSigner other = NoteSigner.generate(ORIGIN, VerifierKey.TYPE_ED25519);
        assertThat(rules(SignedCheckpoint.open(good, ORIGIN, other.verifierKey())))
                .containsExactly(Rule.NOTE_SIG_1);
        String tampered = good.replaceFirst("\n8\n", "\n9\n");
        assertThat(rules(SignedCheckpoint.open(tampered, ORIGIN, LOG.verifierKey())))
                .containsExactly(Rule.NOTE_SIG_2, Rule.NOTE_SIG_1);
        assertThat(rules(SignedCheckpoint.open("garbage", ORIGIN, LOG.verifierKey())))
                .containsExactly(Rule.NOTE_FMT_2);
    }
}
