package org.veritally.translog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.veritally.core.validation.RuleId;

/** Strict parsing of signed notes and the signed-note verification rules. */
class NoteTest {

    static final NoteSigner ALICE = NoteSigner.generate("example.com/alice", VerifierKey.TYPE_ED25519);
    static final NoteSigner BOB = NoteSigner.generate("example.com/bob", VerifierKey.TYPE_ED25519);

    static RuleId firstRule(Parsed<?> p) {
        assertThat(p.isOk()).as("expected a parse failure").isFalse();
        return p.problems().get(0).rule();
    }

    @Test
    @DisplayName("a note round-trips; unknown signers are ignored, even with a known name")
    void roundTripAndUnknownSigners() {
        String text = "hello\n\nworld\n";
        Note note = new Note(text, List.of(BOB.sign(text), ALICE.sign(text)));
        Note parsed = Note.parse(note.format()).orElseThrow();
        assertThat(parsed).isEqualTo(note);
        assertThat(parsed.text()).isEqualTo(text);
        assertThat(NoteVerifier.verify(parsed, List.of(ALICE.verifierKey())).isVerified())
                .isTrue();
        NoteSigner fakeAlice = NoteSigner.generate("example.com/alice", VerifierKey.TYPE_ED25519);
        Note withImpostor = note.withSignature(fakeAlice.sign(text));
        assertThat(NoteVerifier.verify(withImpostor, List.of(ALICE.verifierKey()))
                        .isVerified())
                .isTrue();
    }

    @Test
    @DisplayName("NOTE-SIG-3: a trusted key signing twice rejects the note")
    void NOTE_SIG_3_duplicate() {
        String text = "x\n";
        NoteSignature s = ALICE.sign(text);
        Note note = new Note(text, List.of(s, s));
        assertThat(NoteVerifier.verify(note, List.of(ALICE.verifierKey())).failed(Rule.NOTE_SIG_3))
                .isTrue();
    }

    @Test
    @DisplayName("NOTE-FMT-1: control characters and invalid UTF-8 are rejected")
    void NOTE_FMT_1() {
        String good = new Note("a\n", List.of(ALICE.sign("a\n"))).format();
        assertThat(firstRule(Note.parse(good.replace("a\n", "a\r\n")))).isEqualTo(Rule.NOTE_FMT_1);
        assertThat(firstRule(Note.parse(good.replace("a\n", "a\tb\n")))).isEqualTo(Rule.NOTE_FMT_1);
        byte[] bytes = good.getBytes(StandardCharsets.UTF_8);
        bytes[0] = (byte) 0xff;
        assertThat(firstRule(Note.parse(bytes))).isEqualTo(Rule.NOTE_FMT_1);
    }

    @Test
    @DisplayName("NOTE-FMT-2: missing blank line, no signatures, missing final newline")
    void NOTE_FMT_2() {
        String line = ALICE.sign("a\n").line();
        assertThat(firstRule(Note.parse("a\n" + line + "\n"))).isEqualTo(Rule.NOTE_FMT_2);
        assertThat(firstRule(Note.parse("a\n\n"))).isEqualTo(Rule.NOTE_FMT_2);
        assertThat(firstRule(Note.parse("a\n\n" + line))).isEqualTo(Rule.NOTE_FMT_2);
    }

    @Test
    @DisplayName("NOTE-FMT-3: malformed signature lines are each reported")
    void NOTE_FMT_3() {
        String line = ALICE.sign("a\n").line();
        assertThat(firstRule(Note.parse("a\n\n" + line.replace("\u2014", "-") + "\n")))
                .isEqualTo(Rule.NOTE_FMT_3);
        assertThat(firstRule(Note.parse("a\n\n" + line.substring(0, line.length() - 1) + "\n")))
                .isEqualTo(Rule.NOTE_FMT_3);
        assertThat(firstRule(Note.parse("a\n\n\u2014 name AAAA\n"))).isEqualTo(Rule.NOTE_FMT_3);
        assertThat(firstRule(Note.parse("a\n\n\u2014 na+me " + line.split(" ")[2] + "\n")))
                .isEqualTo(Rule.NOTE_FMT_3);
        Parsed<Note> two = Note.parse("a\n\n\u2014 x !!\n\u2014 y ??\n");
        assertThat(two.problems()).hasSize(2);
        assertThat(two.problems().get(1).location()).isEqualTo("line 4");
    }

    @Test
    @DisplayName("NOTE-FMT-4: more than 100 signatures is rejected; 16 are accepted")
    void NOTE_FMT_4() {
        String line = ALICE.sign("a\n").line() + "\n";
        assertThat(Note.parse("a\n\n" + line.repeat(16)).isOk()).isTrue();
        assertThat(firstRule(Note.parse("a\n\n" + line.repeat(101)))).isEqualTo(Rule.NOTE_FMT_4);
    }

    @Test
    @DisplayName("NOTE-KEY-1 / NOTE-KEY-3: malformed key strings and a key ID that does not match")
    void NOTE_KEY_rules() {
        String vkey = ALICE.verifierKey().encode();
        assertThat(firstRule(VerifierKey.parse(vkey.replace("example.com/alice+", "example.com/alice+x+"))))
                .isEqualTo(Rule.NOTE_KEY_1);
        assertThat(firstRule(VerifierKey.parse(" " + vkey))).isEqualTo(Rule.NOTE_KEY_1);
        String id = ALICE.verifierKey().keyIdHex();
        String wrongId = id.charAt(0) == '0' ? "1" + id.substring(1) : "0" + id.substring(1);
        assertThat(firstRule(VerifierKey.parse(vkey.replace(id, wrongId)))).isEqualTo(Rule.NOTE_KEY_3);
        assertThat(firstRule(NoteSigner.parse(ALICE.encode().replace(id, wrongId))))
                .isEqualTo(Rule.NOTE_KEY_3);
        assertThat(firstRule(NoteSigner.parse(ALICE.encode().replace("PRIVATE+KEY", "PUBLIC+KEY"))))
                .isEqualTo(Rule.NOTE_KEY_1);
        String noPadding = vkey.substring(0, vkey.length() - 1);
        assertThat(firstRule(VerifierKey.parse(noPadding))).isEqualTo(Rule.NOTE_KEY_1);
    }
}
