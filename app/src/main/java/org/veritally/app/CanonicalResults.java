package org.veritally.app;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.veritally.core.validation.ReadRule;
import org.veritally.formats.replay.ResultsJson;
import org.veritally.server.Instance;
import org.veritally.server.asof.AsOf;
import org.veritally.server.read.UsageProblem;
import org.veritally.server.state.ElectionState;

/**
 * The canonical results file of one contest × view ({@link ResultsJson}), of the live state or as of an
 * earlier size: the file a publication carries and {@code verify --results} checks. Stateless.
 */
final class CanonicalResults {
    private CanonicalResults() {}

    static String of(Instance in, Optional<AsOf> asOf, Optional<String> contest, String view) {
        ElectionState s = asOf.map(AsOf::state).orElse(in.state());
        long size = asOf.map(AsOf::size).orElse(s.logSize());
        var e = s.election()
                .orElseThrow(() -> new UsageProblem(ReadRule.RD_ELECTION, "no election is defined at that size"));
        String c = contest.orElse(e.contests().get(0).id());
        if (e.contest(c).isEmpty()) throw new UsageProblem(ReadRule.RD_CONTEST, "unknown contest '" + c + "'");
        String file = view.startsWith("source:") ? "source/" + view.substring(7) : view;
        String path = "results/" + c + "/" + file + ".json";
        for (var f : ResultsJson.all(e, s.catalogue(), s.tabulation(), size))
            if (f.path().equals(path)) return new String(f.bytes(), StandardCharsets.UTF_8);
        throw new UsageProblem(ReadRule.RD_VIEW, "no results file " + path + " at size " + size);
    }
}
