package org.veritally.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.VerifierKey;

/** {@code watch} raises an alarm when the served checkpoint is not signed by the pinned key. */
class WatchSignatureTest {
    @Test
    void watchSigForACheckpointSignedByAnotherKey() {
        NoteSigner pinned = NoteSigner.generate("example.org/log", VerifierKey.TYPE_ED25519);
        NoteSigner other = NoteSigner.generate("example.org/log", VerifierKey.TYPE_ED25519);
        MemoryLog served = MemoryLog.publish(MemoryLog.election(5, 1, 3), other);
        Observation o = new Watcher(pinned.verifierKey()).look(served, Optional.empty());
        assertThat(o).isInstanceOfSatisfying(Observation.Alarm.class, a -> {
            assertThat(a.check().id()).isEqualTo("WATCH-SIG");
        });
    }
}
