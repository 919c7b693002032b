package org.veritally.web.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.model.Contest;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.validation.Problem;
import org.veritally.server.Instance;
import org.veritally.store.LogQueries;
import org.veritally.web.model.FieldChange;
import org.veritally.web.model.SheetVersion;

/**
 * Use case: every version of one source's sheet for a station × contest, from the log itself. A
 * correction names the entry it supersedes (docs/log-format.md, "sheet"), so the chain is followed
 * back from the current sheet by primary-key reads of {@code log_entry}: a station page costs one
 * read per copy plus one per correction, however large the log. Thread-safe (reads only).
 */
final class SheetHistory {
    /** A log that chains more corrections than this for one sheet is not worth showing in full. */
    static final int MAX_VERSIONS = 100;

    private final Instance in;

    SheetHistory(Instance in) {
        this.in = in;
    }

    /**
     * The versions ending at the current sheet (log entry {@code current}), oldest first; a single
     * version when it was never corrected.
     */
    List<SheetVersion> versions(String sourceName, long current, Contest contest) {
        List<Long> indices = new ArrayList<>();
        List<TallySheet> sheets = new ArrayList<>();
        long idx = current;
        while (indices.size() < MAX_VERSIONS) {
            Optional<TallySheet> s = sheet(idx);
            if (s.isEmpty()) break;
            indices.add(idx);
            sheets.add(s.get());
            var c = s.get().correction();
            if (c.isEmpty() || c.get().supersedes() >= idx) break;
            idx = c.get().supersedes();
        }
        List<SheetVersion> out = new ArrayList<>(sheets.size());
        for (int i = sheets.size() - 1; i >= 0; i--) {
            TallySheet s = sheets.get(i);
            var c = s.correction();
            List<FieldChange> changes = i + 1 < sheets.size() ? changes(sheets.get(i + 1), s, contest) : List.of();
            out.add(new SheetVersion(
                    sourceName,
                    indices.get(i),
                    c.map(x -> OptionalLong.of(x.supersedes())).orElse(OptionalLong.empty()),
                    c.map(x -> x.reason()),
                    i == 0,
                    changes));
        }
        return out;
    }

    /** The sheet in log entry {@code idx}, decoded with the election's codec; empty if it is not a sheet. */
    private Optional<TallySheet> sheet(long idx) {
        Optional<byte[]> body = new LogQueries(in.store()).body(idx, "sheet");
        if (body.isEmpty()) return Optional.empty();
        List<Problem> problems = new ArrayList<>();
        return in.state()
                .codec()
                .decode(body.get(), "log #" + idx, problems)
                .filter(SheetEntry.class::isInstance)
                .map(e -> ((SheetEntry) e).sheet());
    }

    static List<FieldChange> changes(TallySheet before, TallySheet after, Contest contest) {
        long[] a = StationQuery.fields(before.counts(), before.votes());
        long[] b = StationQuery.fields(after.counts(), after.votes());
        List<FieldChange> out = new ArrayList<>();
        for (int f = 0; f < Math.min(a.length, b.length); f++) {
            if (a[f] == b[f]) continue;
            boolean count = f < StationQuery.COUNT_KEYS.size();
            String label = count
                    ? StationQuery.COUNT_KEYS.get(f)
                    : contest.choices().get(f - StationQuery.COUNT_KEYS.size()).name();
            out.add(new FieldChange(label, count, opt(a[f]), opt(b[f])));
        }
        return out;
    }

    private static OptionalLong opt(long v) {
        return v == SummaryCounts.ABSENT ? OptionalLong.empty() : OptionalLong.of(v);
    }
}
