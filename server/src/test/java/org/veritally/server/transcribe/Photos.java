package org.veritally.server.transcribe;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.veritally.core.entry.EvidenceEntry;
import org.veritally.core.evidence.Blob;
import org.veritally.core.evidence.Evidence;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.transcribe.PhotoKey;
import org.veritally.formats.Definition;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Instance;

/**
 * Photos with known figures for transcription tests: one photo a station, of source {@code source}, filed
 * by {@code uploader} as evidence through intake; {@link #truth} holds what each shows. A test fixture.
 */
final class Photos {
    final List<TallySheet> truth = new ArrayList<>();
    final String source;

    Photos(SyntheticElection gen, Definition d, String source) {
        this.source = source;
        gen.sheets(d, s -> {
            if (s.sourceId().equals(source)) truth.add(s.citing(sha(truth.size(), 0x51)));
        });
    }

    /** A SHA-256-shaped name for photo {@code i} of family {@code tag}. */
    static String sha(int i, int tag) {
        byte[] b = new byte[32];
        b[0] = (byte) tag;
        b[29] = (byte) (i >> 16);
        b[30] = (byte) (i >> 8);
        b[31] = (byte) i;
        return HexFormat.of().formatHex(b);
    }

    static PhotoKey key(TallySheet s) {
        return new PhotoKey(s.evidence().orElseThrow(), s.stationId(), s.sourceId());
    }

    /** Files every photo as evidence by {@code uploader}; returns how many. */
    int file(Instance in, String uploader, TranscriptionCampaign campaign) {
        for (int i = 0; i < truth.size(); i++) {
            TallySheet t = truth.get(i);
            var ev = new Evidence(
                    new Blob(t.evidence().orElseThrow(), 50_000, "image/jpeg"),
                    Optional.empty(),
                    t.stationId(),
                    Optional.of(t.contestId()),
                    source,
                    uploader,
                    Optional.empty(),
                    OptionalLong.empty(),
                    List.of());
            var o = in.submitEntry(new EvidenceEntry(ev), uploader, "photo " + i);
            if (!o.rejected().isEmpty()) throw new AssertionError(o.rejected());
            campaign.add(key(t), t.contestId(), uploader);
        }
        return truth.size();
    }

    /** {@code t} misread: choice {@code choice} by {@code delta} votes, valid and ballots following (it still sums). */
    static TallySheet misread(TallySheet t, int choice, long delta) {
        long[] v = t.votes();
        if (v[choice] + delta < 0) delta = -delta;
        v[choice] += delta;
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

    /** A fixed lie: every valid vote on the first choice. */
    static TallySheet lie(TallySheet t) {
        long[] v = new long[t.choiceCount()];
        v[0] = t.counts().valid();
        return new TallySheet(t.stationId(), t.contestId(), t.sourceId(), t.counts(), v)
                .citing(t.evidence().get());
    }
}
