package org.veritally.translog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.veritally.core.validation.Problem;

/** C2SP tlog-cosignature cosignature/v1 and witness quorums. */
class CosignatureTest {

    static final NoteSigner W1 = NoteSigner.generate("witness.example/w1", VerifierKey.TYPE_COSIGNATURE);
    static final NoteSigner W2 = NoteSigner.generate("witness.example/w2", VerifierKey.TYPE_COSIGNATURE);
    static final NoteSigner W3 = NoteSigner.generate("witness.example/w3", VerifierKey.TYPE_COSIGNATURE);
    static final WitnessQuorum TWO_OF_THREE =
            new WitnessQuorum(List.of(W1.verifierKey(), W2.verifierKey(), W3.verifierKey()), 2);

    static SignedCheckpoint checkpoint() {
        Checkpoint cp = Checkpoint.of(CheckpointTest.ORIGIN, 8, CheckpointTest.ROOT);
        return SignedCheckpoint.sign(cp, CheckpointTest.LOG);
    }

    @Test
    @DisplayName("the signed message is 'cosignature/v1', the time line and the body; the key ID uses type 0x04")
    void messageAndKeyId() {
        assertThat(new String(Cosignature.signedMessage(1679315147, "o\n1\nAA==\n"), StandardCharsets.UTF_8))
                .isEqualTo("cosignature/v1\ntime 1679315147\no\n1\nAA==\n");
        VerifierKey k = W1.verifierKey();
        assertThat(k.keyId()).isEqualTo(VerifierKey.keyId(k.name(), (byte) 0x04, k.publicKey()));
        assertThat(k.encode()).startsWith("witness.example/w1+" + k.keyIdHex() + "+B"); // 0x04 -> "B"
    }

    @Test
    @DisplayName("a cosignature line is key ID, 8-byte big-endian time and a 64-byte signature, and round-trips")
    void lineFormat() {
        SignedCheckpoint cp = checkpoint();
        Cosignature c = Cosignature.sign(W1, cp.checkpoint().body(), 1_700_000_000L);
        NoteSignature line = c.toNoteSignature();
        assertThat(line.signature()).hasSize(72);
        assertThat(line.signature()[7] & 0xff).isEqualTo(1_700_000_000 & 0xff);
        assertThat(Cosignature.from(NoteSignature.parseLine(line.line(), "l").orElseThrow())
                        .orElseThrow())
                .isEqualTo(c);
        assertThat(c.verify(W1.verifierKey(), cp.checkpoint().body())).isTrue();
    }

    @Test
    @DisplayName("COSIG-QUORUM-1: two of three witnesses meet the quorum; one does not; unknown witnesses are ignored")
    void COSIG_QUORUM_1() {
        SignedCheckpoint cp = checkpoint();
        String body = cp.checkpoint().body();
        NoteSigner stranger = NoteSigner.generate("witness.example/w9", VerifierKey.TYPE_COSIGNATURE);
        SignedCheckpoint one = cp.withSignature(Cosignature.sign(W1, body, 100).toNoteSignature())
                .withSignature(Cosignature.sign(stranger, body, 100).toNoteSignature());
        Verification v = TWO_OF_THREE.verify(one.note());
        assertThat(v.failed(Rule.COSIG_QUORUM_1)).isTrue();
        assertThat(v.failures().get(0).computed()).isEqualTo("1");
        SignedCheckpoint two = one.withSignature(Cosignature.sign(W3, body, 101).toNoteSignature());
        assertThat(TWO_OF_THREE.verify(two.note()).isVerified()).isTrue();
        Parsed<SignedCheckpoint> reopened =
                SignedCheckpoint.open(two.format(), CheckpointTest.ORIGIN, CheckpointTest.LOG.verifierKey());
        assertThat(TWO_OF_THREE.verify(reopened.orElseThrow().note()).isVerified())
                .isTrue();
    }

    @Test
    @DisplayName("COSIG-SIG-1: a cosignature over another checkpoint, or with a changed timestamp, fails")
    void COSIG_SIG_1() {
        SignedCheckpoint cp = checkpoint();
        String otherBody =
                Checkpoint.of(CheckpointTest.ORIGIN, 9, CheckpointTest.ROOT).body();
        SignedCheckpoint forged = cp.withSignature(
                        Cosignature.sign(W1, otherBody, 100).toNoteSignature())
                .withSignature(Cosignature.sign(W2, cp.checkpoint().body(), 100).toNoteSignature());
        assertThat(TWO_OF_THREE.verify(forged.note()).failed(Rule.COSIG_SIG_1)).isTrue();
        Cosignature c = Cosignature.sign(W1, cp.checkpoint().body(), 100);
        Cosignature retimed = new Cosignature(c.witnessName(), c.keyId(), 101, c.signature());
        assertThat(retimed.verify(W1.verifierKey(), cp.checkpoint().body())).isFalse();
    }

    @Test
    @DisplayName("COSIG-FMT-1: a known witness's line of the wrong length, or a timestamp above 2^63-1, is rejected")
    void COSIG_FMT_1() {
        SignedCheckpoint cp = checkpoint();
        VerifierKey w1 = W1.verifierKey();
        NoteSignature plain = new NoteSignature(w1.name(), w1.keyId(), new byte[64]);
        assertThat(TWO_OF_THREE.verify(cp.withSignature(plain).note()).failed(Rule.COSIG_FMT_1))
                .isTrue();
        byte[] payload = new byte[72];
        payload[0] = (byte) 0x80;
        assertThat(Cosignature.from(new NoteSignature(w1.name(), w1.keyId(), payload))
                        .problems())
                .extracting(Problem::rule)
                .containsExactly(Rule.COSIG_FMT_1);
    }

    @Test
    @DisplayName("key types are not interchangeable: a note key cannot cosign, a witness key cannot sign notes")
    void keyTypes() {
        assertThatThrownBy(() -> Cosignature.sign(CheckpointTest.LOG, "o\n1\nAA==\n", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> W1.sign("x\n")).isInstanceOf(IllegalStateException.class);
        assertThat(NoteSigner.parse(W1.encode()).orElseThrow().verifierKey()).isEqualTo(W1.verifierKey());
    }
}
