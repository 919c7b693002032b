package org.veritally.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.validation.Problem;
import org.veritally.formats.replay.LogReplay;
import org.veritally.formats.replay.ResultsJson;

/**
 * {@code VFY-TOTALS}: every published results file ({@code results/<contest>/official.json},
 * {@code consensus.json}, {@code source/<id>.json}) is byte for byte the file {@link ResultsJson}
 * recomputes from the replayed entries at the checkpoint's tree size: the totals of the reporting
 * stations and the coverage ({@code stationsTotal}, {@code registeredVotersTotal}: the catalogue
 * below each unit) alike. On a difference it names the
 * file, the first differing unit and field, and both values ({@link ResultsDiff}).
 *
 * <p>A publication with no results at all is "nothing to check" (a log server serves the log
 * only). Once some are published, a missing one fails, and so does, where the host can list its
 * files, a results file the log does not imply. Stateless.
 */
final class TotalsCheck {

    private static final String FOLDER = "results";

    private TotalsCheck() {}

    static CheckResult run(PublishedLog log, LogReplay replay, long size) {
        Optional<Election> election = replay.election();
        List<ResultsJson.File> files;
        try {
            files = election.isPresent()
                    ? ResultsJson.all(election.get(), replay.catalogue(), replay.tabulation(), size)
                    : List.of();
        } catch (RuntimeException e) { // totals beyond what canonical JSON can carry, say: the log's fault, reported
            return CheckResult.fail(
                    Check.VFY_TOTALS,
                    "the totals cannot be recomputed",
                    new Problem(Check.VFY_TOTALS, "results", "recomputing the results files failed: " + e));
        }
        CheckResult.Findings f = new CheckResult.Findings(Check.VFY_TOTALS);
        List<String> absent = new ArrayList<>();
        int compared = 0;
        for (ResultsJson.File file : files) {
            Optional<byte[]> published = log.read(file.path());
            if (published.isEmpty()) {
                absent.add(file.path());
                continue;
            }
            compared++;
            if (!Arrays.equals(published.get(), file.bytes())) {
                difference(f, file, published.get(), election.orElseThrow());
            }
        }
        Set<String> expected =
                new LinkedHashSet<>(files.stream().map(ResultsJson.File::path).toList());
        List<String> listed = log.list(FOLDER).orElse(List.of());
        for (String path : listed) {
            if (!expected.contains(path)) {
                f.add(new Problem(Check.VFY_TOTALS, path, "a published results file that the log does not imply"));
            }
        }
        if (compared == 0 && f.isEmpty()) {
            return CheckResult.skip(
                    Check.VFY_TOTALS,
                    "no published totals to check at " + log.location() + "/" + FOLDER + "/ (the log implies "
                            + files.size() + " results files)");
        }
        for (String path : absent) {
            f.add(new Problem(
                    Check.VFY_TOTALS, path, "the publication lacks this results file, which the log implies"));
        }
        return f.result(
                compared + " results files equal the totals recomputed from the log",
                f.count() + " problem(s) in the published totals");
    }

    private static void difference(CheckResult.Findings f, ResultsJson.File file, byte[] published, Election e) {
        String contestId = file.path().split("/")[1];
        Contest contest = e.contests().stream()
                .filter(c -> c.id().equals(contestId))
                .findFirst()
                .orElseThrow();
        List<ResultsDiff.Difference> diffs = ResultsDiff.of(published, file.bytes(), contest);
        ResultsDiff.Difference d = diffs.get(0);
        String where = file.path() + (d.unit().isEmpty() ? "" : " unit " + d.unit()) + " field " + d.field();
        String more = diffs.size() > 1 ? " (" + diffs.size() + " values differ in this file; the first is shown)" : "";
        f.add(Problem.mismatch(
                Check.VFY_TOTALS,
                where,
                "the published value is not the one recomputed from the log" + more,
                d.published(),
                d.recomputed()));
    }
}
