package org.veritally.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.veritally.core.model.Contest;
import org.veritally.core.validation.Problem;
import org.veritally.formats.canonical.JsonTree;
import org.veritally.formats.replay.LogReplay;
import org.veritally.formats.replay.ResultsJson;
import org.veritally.translog.EntryBundle;
import org.veritally.translog.Parsed;
import org.veritally.translog.Tile;
import org.veritally.translog.TileLayout;

/**
 * {@code VFY-ASOF}: a results file published as of an earlier log size N (its {@code logSize}) is byte
 * for byte the file {@link ResultsJson} recomputes from the log's first N entries, replayed afresh by
 * {@link LogReplay} (the one rulebook). N must lie within the verified checkpoint, whose entries {@code
 * VFY-LEAVES} has already tied to its root: the prefix is then the one every later checkpoint extends.
 * The entries are read from the bundles of the verified tree (a partial bundle of an old size is not
 * kept by a log that has grown). One replay per distinct N. Stateless.
 */
final class AsOfCheck {
    private AsOfCheck() {}

    static CheckResult run(PublishedLog log, long verifiedSize, List<AsOfFile> files) {
        CheckResult.Findings f = new CheckResult.Findings(Check.VFY_ASOF);
        Map<Long, List<Claimed>> bySize = new TreeMap<>();
        for (AsOfFile file : files) {
            claim(file)
                    .ifPresentOrElse(
                            c -> {
                                if (c.size < 1 || c.size > verifiedSize)
                                    f.add(Problem.mismatch(
                                            Check.VFY_ASOF,
                                            file.name() + " logSize",
                                            "the file's log size is not within the verified checkpoint",
                                            "1 to " + verifiedSize,
                                            c.size));
                                else
                                    bySize.computeIfAbsent(c.size, k -> new ArrayList<>())
                                            .add(c);
                            },
                            () -> f.add(new Problem(
                                    Check.VFY_ASOF,
                                    file.name(),
                                    "not a results file: a canonical JSON object with contest, view and logSize")));
        }
        int compared = 0;
        for (var e : bySize.entrySet()) {
            Optional<LogReplay> replay = replay(log, verifiedSize, e.getKey());
            if (replay.isEmpty()) {
                f.add(new Problem(
                        Check.VFY_ASOF, "size " + e.getKey(), "the log's first entries cannot be read or replayed"));
                continue;
            }
            for (Claimed c : e.getValue()) {
                compare(f, c, replay.get());
                compared++;
            }
        }
        return f.result(
                compared + " as-of results file(s) equal the totals recomputed from the log's prefix",
                f.count() + " problem(s) in the as-of results");
    }

    private record Claimed(AsOfFile file, long size, String contest, String view) {}

    private static Optional<Claimed> claim(AsOfFile file) {
        try {
            Map<String, Object> m = JsonTree.asObject(JsonTree.parse(file.bytes()));
            if (m.get("logSize") instanceof Number n
                    && m.get("contest") instanceof String c
                    && m.get("view") instanceof String v) return Optional.of(new Claimed(file, n.longValue(), c, v));
            return Optional.empty();
        } catch (JsonTree.JsonError | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void compare(CheckResult.Findings f, Claimed c, LogReplay r) {
        String file = c.view.startsWith("source:") ? "source/" + c.view.substring(7) : c.view;
        String path = "results/" + c.contest + "/" + file + ".json";
        var election = r.election();
        List<ResultsJson.File> all =
                election.isEmpty() ? List.of() : ResultsJson.all(election.get(), r.catalogue(), r.tabulation(), c.size);
        Optional<ResultsJson.File> mine =
                all.stream().filter(x -> x.path().equals(path)).findFirst();
        if (mine.isEmpty()) {
            f.add(new Problem(
                    Check.VFY_ASOF,
                    c.file.name(),
                    "the log's first " + c.size + " entries imply no results file " + path));
            return;
        }
        byte[] published = c.file.bytes();
        if (Arrays.equals(published, mine.get().bytes())) return;
        Contest contest = election.get().contest(c.contest).orElseThrow();
        var diffs = ResultsDiff.of(published, mine.get().bytes(), contest);
        var d = diffs.isEmpty() ? new ResultsDiff.Difference("", "$", "other bytes", "canonical bytes") : diffs.get(0);
        f.add(Problem.mismatch(
                Check.VFY_ASOF,
                c.file.name() + " (" + path + " as of " + c.size + ")"
                        + (d.unit().isEmpty() ? "" : " unit " + d.unit()) + " field " + d.field(),
                "the published value is not the one recomputed from the log's first " + c.size + " entries",
                d.published(),
                d.recomputed()));
    }

    /** A fresh replay of the first {@code n} entries, finished; empty if a bundle cannot be read. */
    private static Optional<LogReplay> replay(PublishedLog log, long verifiedSize, long n) {
        LogReplay r = new LogReplay();
        long done = 0;
        try {
            for (Tile.Entries b : TileLayout.entryBundles(verifiedSize)) {
                if (done >= n) break;
                Optional<byte[]> bytes = log.read(b.path());
                if (bytes.isEmpty()) return Optional.empty();
                if (!(EntryBundle.parse(bytes.get(), b.width()) instanceof Parsed.Ok<EntryBundle> ok))
                    return Optional.empty();
                for (byte[] entry : ok.value().entries()) {
                    if (done++ >= n) break;
                    r.accept(entry); // what an entry breaks is VFY-ENTRIES' to report
                }
            }
            r.finish();
        } catch (RuntimeException e) { // a hostile entry no rule foresaw: the prefix cannot be replayed
            return Optional.empty();
        }
        return done >= n ? Optional.of(r) : Optional.empty();
    }
}
