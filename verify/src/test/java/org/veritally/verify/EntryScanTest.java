package org.veritally.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.veritally.formats.entry.EntryCodec;
import org.veritally.formats.replay.LogReplay;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.VerifierKey;

/**
 * The parallel decoding of {@code VFY-LEAVES} and {@code VFY-ENTRIES} ({@link EntryScan}): the findings and
 * the replay do not depend on how many decoders ran, and an entry decoded against another election than the
 * replay's is decoded again in turn.
 */
class EntryScanTest {
    static final NoteSigner LOG = NoteSigner.generate("example.org/log", VerifierKey.TYPE_ED25519);

    /** Six bundles and a partial one, with a broken leaf, a non-canonical entry and a sheet that breaks TS-SUM. */
    static MemoryLog flawed() {
        List<byte[]> entries = new ArrayList<>(MemoryLog.election(500, 3, 7));
        entries.set(10, edit(entries.get(10), ",", ", "));
        int last = entries.size() - 1;
        entries.set(last, edit(entries.get(last), "\"valid\":(\\d+)", "\"valid\":1$1"));
        MemoryLog log = MemoryLog.publish(entries, LOG);
        log.files.get("tile/entries/003")[60] ^= 1; // after publishing: the leaf no longer matches
        return log;
    }

    static byte[] edit(byte[] entry, String regex, String replacement) {
        return new String(entry, StandardCharsets.UTF_8)
                .replaceFirst(regex, replacement)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void vfyLeavesAndVfyEntriesFindTheSameProblemsInTheSameOrderWithOneDecoderOrFour() {
        MemoryLog log = flawed();
        EntryScan.Result one = new EntryScan(log, log.size, 1).run();
        EntryScan.Result four = new EntryScan(log, log.size, 4).run();
        assertThat(one.entries().mismatches()).extracting(m -> m.rule().id()).contains("LOG-CANON", "TS-SUM");
        assertThat(one.leaves().mismatches()).extracting(m -> m.rule().id()).containsExactly("TILE-ENT-2");
        assertThat(four.leaves()).isEqualTo(one.leaves());
        assertThat(four.entries()).isEqualTo(one.entries());
        assertThat(four.entriesChecked()).isEqualTo(one.entriesChecked()).isEqualTo(log.size);
    }

    @Test
    void vfyEntriesStopsAtAnAbsentFirstBundleWithoutWaitingForItsElection() {
        MemoryLog log = MemoryLog.publish(MemoryLog.election(600, 1, 3), LOG);
        log.files.remove("tile/entries/000");
        EntryScan.Result r = new EntryScan(log, log.size, 2).run();
        assertThat(r.leaves().mismatches()).extracting(m -> m.rule().id()).containsExactly("TILE-ENT-1");
        assertThat(r.entries().status()).isEqualTo(CheckResult.Status.SKIP);
        assertThat(r.replay()).isEmpty();
    }

    @Test
    void anEntryDecodedAgainstAnotherElectionIsDecodedAgainByTheReplay() {
        List<byte[]> entries = MemoryLog.election(20, 1, 5);
        byte[] sheet = entries.get(entries.size() - 1);
        LogReplay replay = new LogReplay();
        for (int i = 0; i < entries.size() - 1; i++)
            assertThat(replay.accept(entries.get(i))).isEmpty();
        // without the election, a sheet does not decode: had the replay used this decoding, it would say so
        LogReplay.Decoded elsewhere = LogReplay.decode(new EntryCodec(Optional.empty()), entries.size() - 1, sheet);
        assertThat(elsewhere.entry()).isEmpty();
        assertThat(replay.accept(elsewhere)).isEmpty();
        assertThat(replay.size()).isEqualTo(entries.size());
    }
}
