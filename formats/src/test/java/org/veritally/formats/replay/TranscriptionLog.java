package org.veritally.formats.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.veritally.core.entry.CatalogueEntry;
import org.veritally.core.entry.ElectionEntry;
import org.veritally.core.entry.Entry;
import org.veritally.core.entry.EvidenceEntry;
import org.veritally.core.entry.SourceEntry;
import org.veritally.core.entry.TranscriptionEntry;
import org.veritally.core.evidence.Blob;
import org.veritally.core.evidence.Evidence;
import org.veritally.core.model.Election;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.rulebook.Decision;
import org.veritally.core.rulebook.Rulebook;
import org.veritally.formats.Definition;
import org.veritally.formats.entry.EntryCodec;
import org.veritally.formats.entry.NoteSignatureCheck;
import org.veritally.formats.generate.SyntheticElection;

/**
 * A log with photos to transcribe, built entry by entry and replayed as {@code verify} replays it: an
 * election of a few stations, the photos of one source (the uploader's), and the truth of each photo (the
 * synthetic election's sheet of that source). Each entry goes through its canonical bytes. A test fixture;
 * not thread-safe.
 */
final class TranscriptionLog {
    final Definition definition;
    final EntryCodec codec;
    final LogReplay replay = new LogReplay();
    final List<TallySheet> truth = new ArrayList<>();
    final List<byte[]> entries = new ArrayList<>();
    final String source;

    TranscriptionLog(int stations, Optional<org.veritally.core.model.TranscriptionPolicy> policy) {
        Definition d = new SyntheticElection(stations, 1, 4, 2, 11).definition();
        Election el = policy.map(d.election()::withTranscription).orElse(d.election());
        definition = new Definition(el, d.units(), d.stations(), d.sources());
        codec = new EntryCodec(Optional.of(el));
        source = d.sources().get(1).id();
        append(new ElectionEntry(el));
        append(new CatalogueEntry(d.units(), d.stations()));
        d.sources().forEach(s -> append(new SourceEntry(s)));
        new SyntheticElection(stations, 1, 4, 2, 11).sheets(d, s -> {
            if (s.sourceId().equals(source)) truth.add(s.citing(photo(truth.size())));
        });
        for (TallySheet t : truth) {
            var ev = new Evidence(
                    new Blob(t.evidence().orElseThrow(), 1000, "image/jpeg"),
                    Optional.empty(),
                    t.stationId(),
                    Optional.of(t.contestId()),
                    source,
                    "uploader",
                    Optional.empty(),
                    OptionalLong.empty(),
                    List.of());
            append(new EvidenceEntry(ev));
        }
    }

    /** The SHA-256 named for photo {@code i}. */
    static String photo(int i) {
        byte[] b = new byte[32];
        b[0] = 0x7a;
        b[31] = (byte) i;
        b[30] = (byte) (i >> 8);
        return HexFormat.of().formatHex(b);
    }

    /** Photo {@code i}'s figures with choice 0 moved by {@code delta} votes (valid and ballots follow). */
    TallySheet typo(int i, long delta) {
        TallySheet t = truth.get(i);
        long[] v = t.votes();
        v[0] += delta;
        SummaryCounts k = t.counts();
        var counts = new SummaryCounts(
                k.registered(),
                k.ballotsCast() == SummaryCounts.ABSENT ? k.ballotsCast() : k.ballotsCast() + delta,
                k.valid() + delta,
                k.nulls(),
                k.blank());
        return new TallySheet(t.stationId(), t.contestId(), t.sourceId(), counts, v)
                .citing(t.evidence().get());
    }

    static TranscriptionEntry typed(TallySheet s, String account, String... confirmed) {
        return new TranscriptionEntry(s, account, List.of(confirmed), false);
    }

    /** What the rulebook says of {@code e} as the next entry (flags included), without appending it. */
    Decision decide(Entry e) {
        return new Rulebook(
                        new NoteSignatureCheck(Optional.of(definition.election())),
                        new org.veritally.formats.qr.QrFigures())
                .decide(replay, replay.size(), e, "entry " + replay.size());
    }

    /** The rule IDs of what the next entry {@code e} raises: its errors when refused, else its flags. */
    List<String> rules(Entry e) {
        Decision d = decide(e);
        var ps = d instanceof Decision.Refuse r
                ? r.problems()
                : d instanceof Decision.Accept a ? a.flags() : List.<org.veritally.core.validation.Problem>of();
        return ps.stream().map(p -> p.rule().id()).toList();
    }

    /** Appends {@code e} through its canonical bytes; the replay must take it. */
    void append(Entry e) {
        byte[] bytes = codec.encode(e);
        List<String> problems = new ArrayList<>();
        var decoded = codec.decode(bytes, "x", new ArrayList<>());
        assertThat(decoded).as("decodes back").contains(e);
        replay.accept(bytes).forEach(p -> problems.add(p.toString()));
        assertThat(problems).as("replaying " + e.kind()).isEmpty();
        entries.add(bytes);
    }
}
