package org.veritally.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.veritally.translog.InclusionProof;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.SignedCheckpoint;
import org.veritally.translog.TlogProof;
import org.veritally.translog.VerifierKey;
import org.veritally.translog.WitnessQuorum;

/**
 * Receipts, the watcher and the witness over in-memory publications of one log key: a log A, its
 * extension B, and a fork F of B's size whose entries after A's are in another order.
 */
class FollowLogTest {
    static final NoteSigner LOG = NoteSigner.generate("example.org/log", VerifierKey.TYPE_ED25519);
    static final List<byte[]> ALL = MemoryLog.election(200, 2, 9);
    static final int CUT = 300;
    static final MemoryLog A = MemoryLog.publish(ALL.subList(0, CUT), LOG);
    static final MemoryLog B = MemoryLog.publish(ALL, LOG);
    static final MemoryLog F = MemoryLog.publish(fork(), LOG);

    static List<byte[]> fork() {
        List<byte[]> tail = new ArrayList<>(ALL.subList(CUT - 10, ALL.size()));
        Collections.reverse(tail);
        List<byte[]> out = new ArrayList<>(ALL.subList(0, CUT - 10));
        out.addAll(tail);
        return out;
    }

    static String receipt(MemoryLog log, int index) {
        InclusionProof p = InclusionProof.build(index, log.size, log.nodes);
        return new TlogProof(
                        Optional.of(log.entries.get(index)), index, p.hashes(), new String(log.files.get("checkpoint")))
                .format();
    }

    static CheckResult.Status status(Report r, Check c) {
        return r.result(c).orElseThrow().status();
    }

    @Test
    void receiptVerifiesOfflineAndAgainstItsExtensionButNotAFork() {
        ReceiptCheck check = new ReceiptCheck(LOG.verifierKey());
        String receipt = receipt(A, CUT - 5);
        assertThat(check.check("r", receipt, Optional.empty()).verified()).isTrue();
        Report grown = check.check("r", receipt, Optional.of(B));
        assertThat(grown.verified()).as(ReportFormat.text(grown)).isTrue();
        Report forked = check.check("r", receipt, Optional.of(F));
        assertThat(status(forked, Check.RCPT_CONSIST)).isEqualTo(CheckResult.Status.FAIL);
        assertThat(status(forked, Check.RCPT_ENTRY)).isEqualTo(CheckResult.Status.FAIL);
        Report shrunk = check.check("r", receipt(B, CUT + 50), Optional.of(A));
        assertThat(shrunk.result(Check.RCPT_CONSIST).orElseThrow().mismatches())
                .extracting(m -> m.rule().id())
                .contains("LOG-CON-1");
    }

    @Test
    void receiptWithoutItsEntryOrWithAnotherKeyFails() {
        String receipt = receipt(A, 7);
        String noExtra = receipt.replaceFirst("extra [^\n]*\n", "");
        Report r = new ReceiptCheck(LOG.verifierKey()).check("r", noExtra, Optional.empty());
        assertThat(status(r, Check.RCPT_LEAF)).isEqualTo(CheckResult.Status.FAIL);
        VerifierKey other =
                NoteSigner.generate("example.org/log", VerifierKey.TYPE_ED25519).verifierKey();
        assertThat(status(new ReceiptCheck(other).check("r", receipt, Optional.empty()), Check.RCPT_SIG))
                .isEqualTo(CheckResult.Status.FAIL);
        assertThat(new ReceiptCheck(LOG.verifierKey())
                        .check("r", "hello", Optional.empty())
                        .verified())
                .isFalse();
    }

    @Test
    void watcherSeesGrowthRollbackAndForks() {
        Watcher w = new Watcher(LOG.verifierKey());
        SignedCheckpoint a = ((Observation.First) w.look(A, Optional.empty())).checkpoint();
        assertThat(w.look(A, Optional.of(a))).isInstanceOf(Observation.Unchanged.class);
        SignedCheckpoint b = ((Observation.Grew) w.look(B, Optional.of(a))).checkpoint();
        assertThat(((Observation.Alarm) w.look(A, Optional.of(b))).check()).isEqualTo(Check.WATCH_ROLLBACK);
        assertThat(((Observation.Alarm) w.look(F, Optional.of(b))).check()).isEqualTo(Check.WATCH_FORK);
        Observation.Alarm grewFork = (Observation.Alarm) w.look(F, Optional.of(a));
        assertThat(grewFork.check()).isEqualTo(Check.WATCH_FORK);
        assertThat(grewFork.earlier()).hasValue(a.format());
        assertThat(grewFork.served()).isEqualTo(new String(F.files.get("checkpoint")));
        Watcher stranger = new Watcher(
                NoteSigner.generate("example.org/log", VerifierKey.TYPE_ED25519).verifierKey());
        assertThat(((Observation.Alarm) stranger.look(A, Optional.empty())).check())
                .isEqualTo(Check.WATCH_SIG);
    }

    @Test
    void witnessCosignsOnlyAConsistentCheckpoint() {
        NoteSigner me = NoteSigner.generate("w.example", VerifierKey.TYPE_COSIGNATURE);
        Cosigner witness = new Cosigner(LOG.verifierKey(), me, () -> 1_750_000_000L);
        Cosigner.Cosigned first = (Cosigner.Cosigned) witness.step(A, Optional.empty());
        var note = org.veritally.translog.Note.parse(first.note()).orElseThrow();
        assertThat(new WitnessQuorum(List.of(me.verifierKey()), 1).verify(note).isVerified())
                .isTrue();
        assertThat(SignedCheckpoint.open(first.note(), LOG.name(), LOG.verifierKey())
                        .isOk())
                .as("still the log's note")
                .isTrue();
        A.files.put("checkpoint", first.note().getBytes()); // the log publishes the cosignature
        try {
            assertThat(witness.step(A, Optional.of(first.checkpoint()))).isInstanceOf(Cosigner.AlreadyCosigned.class);
            assertThat(witness.step(B, Optional.of(first.checkpoint()))).isInstanceOf(Cosigner.Cosigned.class);
            assertThat(((Cosigner.Refused) witness.step(F, Optional.of(first.checkpoint())))
                            .alarm()
                            .check())
                    .isEqualTo(Check.WATCH_FORK);
        } finally {
            A.files.put(
                    "checkpoint",
                    SignedCheckpoint.sign(first.checkpoint().checkpoint(), LOG)
                            .format()
                            .getBytes());
        }
    }
}
