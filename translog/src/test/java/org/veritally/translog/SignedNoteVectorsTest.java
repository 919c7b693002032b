package org.veritally.translog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.veritally.core.validation.Problem;

/**
 * C2SP signed-note golden vectors (shared/vectors/note/signed-note.json: golang.org/x/mod
 * sumdb/note tests, BSD-3-Clause; the C2SP example; transparency-dev/formats, Apache-2.0). The keys
 * and signatures are published test values, written here; a second test reads the file.
 */
class SignedNoteVectorsTest {

    static final String PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_NOTE = TEXT
            + "\n\u2014 PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    static final String ENOCH_LINE = "\u2014 EnochRoot "
            + "rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=";
    static final String C2SP_VKEY = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
    static final String C2SP_NOTE = "This is an example message.\n\n\u2014 example.com/foo "
            + "Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";
    static final String BAD_VKEY = "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==";
    static final String[][] KEY_PAIRS = {
        {
            "Log+2271c621+AemuH5ooBpEPcr+W8onrjA1NfuzBVHdezakU81Ekarvs",
            "PRIVATE+KEY+Log+2271c621+AdEIq9FLRQni54Wg68T96VJO+iayOaulswav2DUMKgvQ"
        },
        {
            "Wit1+55ee4561+AVhZSmQj9+SoL+p/nN0Hh76xXmF7QcHfytUrI1XfSClk",
            "PRIVATE+KEY+Wit1+55ee4561+AeadRiG7XM4XiieCHzD8lxysXMwcViy5nYsoXURWGrlE"
        },
        {PETER_VKEY, PETER_SKEY},
    };

    @Test
    @DisplayName("PeterNeumann: the seed gives the published public key, and Ed25519 signing reproduces the note")
    void deterministicSignature() {
        NoteSigner signer = NoteSigner.parse(PETER_SKEY).orElseThrow();
        assertThat(signer.verifierKey().encode()).isEqualTo(PETER_VKEY);
        assertThat(signer.encode()).isEqualTo(PETER_SKEY);
        Note note = new Note(TEXT, List.of(signer.sign(TEXT)));
        assertThat(note.format()).isEqualTo(PETER_NOTE);
        assertThat(signer.toString()).doesNotContain("AYEK");
    }

    @Test
    @DisplayName("NOTE-SIG-1: the published notes verify with their keys")
    void publishedNotesVerify() {
        Note peter = Note.parse(PETER_NOTE).orElseThrow();
        assertThat(NoteVerifier.verify(
                                peter, List.of(VerifierKey.parse(PETER_VKEY).orElseThrow()))
                        .isVerified())
                .isTrue();
        Note enoch = Note.parse(TEXT + "\n" + ENOCH_LINE + "\n").orElseThrow();
        assertThat(NoteVerifier.verify(
                                enoch, List.of(VerifierKey.parse(ENOCH_VKEY).orElseThrow()))
                        .isVerified())
                .isTrue();
        Note c2sp = Note.parse(C2SP_NOTE).orElseThrow();
        assertThat(NoteVerifier.verify(
                                c2sp, List.of(VerifierKey.parse(C2SP_VKEY).orElseThrow()))
                        .isVerified())
                .isTrue();
        assertThat(c2sp.format()).isEqualTo(C2SP_NOTE);
    }

    @Test
    @DisplayName("NOTE-SIG-2: a tampered text or signature fails; NOTE-SIG-1: another key's note is not trusted")
    void tamperedFails() {
        VerifierKey peter = VerifierKey.parse(PETER_VKEY).orElseThrow();
        Note tamperedText =
                Note.parse(PETER_NOTE.replace("cryptography", "cryptographY")).orElseThrow();
        Verification v = NoteVerifier.verify(tamperedText, List.of(peter));
        assertThat(v.failed(Rule.NOTE_SIG_2)).as("%s", v).isTrue();
        Note tamperedSig =
                Note.parse(PETER_NOTE.replace("x08go/ZJ", "x08go/ZK")).orElseThrow();
        assertThat(NoteVerifier.verify(tamperedSig, List.of(peter)).failed(Rule.NOTE_SIG_2))
                .isTrue();
        Note c2sp = Note.parse(C2SP_NOTE).orElseThrow();
        assertThat(NoteVerifier.verify(c2sp, List.of(peter)).failed(Rule.NOTE_SIG_1))
                .isTrue();
    }

    @Test
    @DisplayName("NOTE-KEY-2 / NOTE-KEY-3: the bad vkey (wrong key length) is rejected")
    void badVerifierKey() {
        Parsed<VerifierKey> p = VerifierKey.parse(BAD_VKEY);
        assertThat(p.isOk()).isFalse();
        assertThat(p.problems()).extracting(Problem::rule).contains(Rule.NOTE_KEY_2);
    }

    @Test
    @DisplayName("transparency-dev Log and Wit1 keys: each signer key derives its verifier key")
    void keyPairs() {
        for (String[] pair : KEY_PAIRS) {
            NoteSigner signer = NoteSigner.parse(pair[1]).orElseThrow();
            assertThat(signer.verifierKey().encode()).isEqualTo(pair[0]);
            assertThat(VerifierKey.parse(pair[0]).orElseThrow()).isEqualTo(signer.verifierKey());
        }
    }

    @Test
    @DisplayName("shared file: every case of signed-note.json")
    void sharedFile() {
        Map<String, Object> file = SharedVectors.load("vectors/note/signed-note.json");
        int checked = 0;
        for (Object o : Json.array(file.get("cases"))) {
            Map<String, Object> c = Json.object(o);
            Parsed<VerifierKey> vkey = VerifierKey.parse((String) c.get("vkey"));
            if (Boolean.TRUE.equals(c.get("wantErr"))) {
                assertThat(vkey.isOk()).as("%s", c.get("name")).isFalse();
                checked++;
                continue;
            }
            VerifierKey key = vkey.orElseThrow();
            if (c.containsKey("skey")) {
                NoteSigner signer = NoteSigner.parse((String) c.get("skey")).orElseThrow();
                assertThat(signer.verifierKey()).isEqualTo(key);
                if (c.containsKey("text") && c.containsKey("signedNote")) {
                    String text = (String) c.get("text");
                    assertThat(new Note(text, List.of(signer.sign(text))).format())
                            .isEqualTo(c.get("signedNote"));
                }
            }
            String signed = c.containsKey("signedNote")
                    ? (String) c.get("signedNote")
                    : c.containsKey("signatureLine") ? c.get("text") + "\n" + c.get("signatureLine") + "\n" : null;
            if (signed != null) {
                Note note = Note.parse(signed).orElseThrow();
                assertThat(NoteVerifier.verify(note, List.of(key)).isVerified())
                        .as("%s", c.get("name"))
                        .isTrue();
                Note tampered = Note.parse("X" + signed).orElseThrow();
                assertThat(NoteVerifier.verify(tampered, List.of(key)).failed(Rule.NOTE_SIG_2))
                        .isTrue();
            }
            checked++;
        }
        assertThat(checked).isEqualTo(6);
        for (Object o : Json.array(file.get("checkpointText"))) {
            Map<String, Object> c = Json.object(o);
            Checkpoint cp = Checkpoint.parse((String) c.get("body")).orElseThrow();
            assertThat(cp.origin()).isEqualTo(c.get("origin"));
            assertThat(cp.body()).isEqualTo(c.get("body"));
        }
    }
}
