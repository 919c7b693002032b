package org.veritally.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.veritally.core.entry.CatalogueEntry;
import org.veritally.core.entry.KeyEntry;
import org.veritally.core.entry.SourceEntry;
import org.veritally.core.model.Source;
import org.veritally.core.model.SourceKind;
import org.veritally.core.model.Unit;
import org.veritally.core.validation.Problem;
import org.veritally.formats.entry.EntryCodec;
import org.veritally.formats.replay.LogReplay;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.VerifierKey;

/**
 * The rules a replay of the log checks beyond intake's (LOG-*) and the rulebook's rules as a replay
 * reports them, each with its own ID: logs built in memory, replayed by {@link LogReplay} as {@code
 * verify} does.
 */
class LogReplayRulesTest {
    static final List<byte[]> ELECTION = MemoryLog.election(4, 2, 7); // election, catalogue, 2 sources, sheets
    static final EntryCodec CODEC = new EntryCodec(Optional.empty());

    /** The problems of the last of {@code entries}, after replaying the others cleanly. */
    static List<String> lastEntry(List<byte[]> entries) {
        LogReplay replay = new LogReplay();
        for (int i = 0; i < entries.size() - 1; i++) {
            assertThat(replay.accept(entries.get(i))).as("entry " + i).isEmpty();
        }
        return replay.accept(entries.get(entries.size() - 1)).stream()
                .map(p -> p.rule().id())
                .toList();
    }

    static List<byte[]> declaredThen(Object entry) {
        List<byte[]> out = new ArrayList<>(ELECTION.subList(0, 4));
        out.add(CODEC.encode((org.veritally.core.entry.Entry) entry));
        return out;
    }

    @Test
    void logOrderForALogWhoseEntry0IsNotTheElection() {
        LogReplay replay = new LogReplay();
        List<Problem> ps = replay.accept(ELECTION.get(2)); // a source declaration first
        assertThat(ps).extracting(p -> p.rule().id()).contains("LOG-ORDER");
        assertThat(ps.get(0).location()).isEqualTo("entry 0");
    }

    @Test
    void logRepeatForTheSameSheetTwice() {
        List<byte[]> entries = new ArrayList<>(ELECTION);
        entries.add(ELECTION.get(ELECTION.size() - 1));
        assertThat(lastEntry(entries)).containsExactly("LOG-REPEAT");
    }

    @Test
    void logDecodeForAnEntryThatIsNotJson() {
        List<byte[]> entries = new ArrayList<>(ELECTION.subList(0, 4));
        entries.add("{\"kind\":".getBytes(StandardCharsets.UTF_8));
        assertThat(lastEntry(entries)).isNotEmpty().allMatch("LOG-DECODE"::equals);
    }

    @Test
    void keyFormatForAKeyEntryWithABadKey() {
        assertThat(lastEntry(declaredThen(new KeyEntry("acct-1", source(0), "not a verifier key"))))
                .containsExactly("KEY-FORMAT");
    }

    @Test
    void keySourceForAKeyEntryOfAnUndeclaredSource() {
        String key = NoteSigner.generate("example.org/acct-1", VerifierKey.TYPE_ED25519)
                .verifierKey()
                .encode();
        assertThat(lastEntry(declaredThen(new KeyEntry("acct-1", "no-such-source", key))))
                .containsExactly("KEY-SOURCE");
    }

    @Test
    void srcKindForASecondAuthoritySource() {
        assertThat(lastEntry(
                        declaredThen(new SourceEntry(new Source("auth-2", "Second authority", SourceKind.AUTHORITY)))))
                .containsExactly("SRC-KIND");
    }

    @Test
    void catUnitForAUnitWithAnUnknownParent() {
        assertThat(lastEntry(declaredThen(
                        new CatalogueEntry(List.of(new Unit("U-ORPHAN", "Orphan", 2, "U-NOWHERE")), List.of()))))
                .contains("CAT-UNIT");
    }

    /** The id of the {@code i}th declared source of {@link #ELECTION}. */
    static String source(int i) {
        LogReplay replay = new LogReplay();
        ELECTION.subList(0, 4).forEach(replay::accept);
        return replay.tabulation().sources().get(i).id();
    }
}
