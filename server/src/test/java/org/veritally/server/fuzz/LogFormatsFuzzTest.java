package org.veritally.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.server.log.LogView;
import org.veritally.translog.Checkpoint;
import org.veritally.translog.Note;
import org.veritally.translog.NoteVerifier;
import org.veritally.translog.Parsed;
import org.veritally.translog.SignedCheckpoint;
import org.veritally.translog.TlogProof;
import org.veritally.translog.VerifierKey;

/**
 * Fuzzes the log's text formats, starting from a real checkpoint, signed note and receipt of a data
 * directory: {@code Checkpoint.parse}, {@code Note.parse} (then verification against the log's key,
 * and {@code SignedCheckpoint.open}) and {@code TlogProof.parse}. Each input must end in
 * {@link Parsed.Ok} or {@link Parsed.Invalid} with rule-tagged problems, never an exception.
 */
class LogFormatsFuzzTest {
    static final int CI = 3000;
    static String note;
    static String body;
    static String receipt;
    static String origin;
    static VerifierKey key;

    @BeforeAll
    static void realLog(@TempDir Path dir) {
        try (Instance in = Fixtures.defined(dir, Samples.DEFINITION)) {
            Fixtures.submit(in, Samples.SHEETS);
            var log = new LogView(in.store());
            var cp = log.latest().orElseThrow();
            note = cp.note();
            body = ((Parsed.Ok<Note>) Note.parse(note)).value().text();
            receipt = log.receipt(5, cp);
            origin = in.keys().origin();
            key = in.keys().verifierKey();
        }
    }

    static void outcome(Parsed<?> p, FuzzCampaign.Outcomes seen) {
        assertThat(p).isNotNull();
        if (p instanceof Parsed.Invalid<?> i) {
            assertThat(i.problems())
                    .isNotEmpty()
                    .allSatisfy(x -> assertThat(x.rule()).isNotNull());
            i.problems().stream().map(x -> x.rule().id()).distinct().forEach(seen::add);
        } else {
            seen.add("ok");
        }
    }

    static final List<String> TOKENS = List.of(
            "\n",
            "\n\n",
            "\u2014 ",
            " ",
            "+",
            "=",
            "/",
            "A",
            "AAAA",
            "0",
            "01",
            "-1",
            "9223372036854775808",
            "c2sp.org/tlog-proof@v1\n",
            "extra ",
            "index ",
            "\u2014 name AAAA\n",
            "\r",
            "\t",
            "\u0000");

    @Test
    void checkpointParse() {
        FuzzCampaign.run(
                "Checkpoint.parse",
                CI,
                List.of(Samples.utf8(body)),
                new Mutator(TOKENS),
                (input, seen) -> outcome(Checkpoint.parse(new String(input, StandardCharsets.UTF_8)), seen));
    }

    @Test
    void noteParse() {
        FuzzCampaign.run("Note.parse", CI, List.of(Samples.utf8(note)), new Mutator(TOKENS), (input, seen) -> {
            Parsed<Note> p = Note.parse(input);
            outcome(p, seen);
            if (p instanceof Parsed.Ok<Note> ok)
                assertThat(NoteVerifier.verify(ok.value(), List.of(key))).isNotNull();
            var opened = SignedCheckpoint.open(new String(input, StandardCharsets.UTF_8), origin, key);
            assertThat(opened).isNotNull();
            seen.add(opened.isOk() ? "open:ok" : "open:invalid");
        });
    }

    @Test
    void tlogProofParse() {
        FuzzCampaign.run(
                "TlogProof.parse",
                CI,
                List.of(Samples.utf8(receipt)),
                new Mutator(TOKENS),
                (input, seen) -> outcome(TlogProof.parse(new String(input, StandardCharsets.UTF_8)), seen));
    }
}
