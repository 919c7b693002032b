package org.veritally.app;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.veritally.core.model.Source;
import org.veritally.core.tabulate.Tabulation;
import org.veritally.core.tabulate.UnitResult;
import org.veritally.server.Instance;
import org.veritally.server.http.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code veritally results}: the result of a unit × contest × view, with coverage. Without
 * {@code --view}, the view a user means: {@code official} when an authority source is declared, else
 * the only source's, else {@code consensus}; a view so chosen is named on stderr, and in the output
 * as always.
 */
@Command(
        name = "results",
        description = "Print the result of a unit (default: the whole election) for a contest and view.")
final class ResultsCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(names = "--unit", paramLabel = "ID")
    Optional<String> unit;

    @Option(names = "--contest", paramLabel = "ID")
    Optional<String> contest;

    @Option(
            names = "--view",
            paramLabel = "V",
            description = "official | consensus | source:<id> (default: official if an authority source is "
                    + "declared, else the only source's view, else consensus)")
    Optional<String> view;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Option(
            names = "--at",
            paramLabel = "N",
            description = "the result as it stood when the log had N entries (replayed from the log; names the"
                    + " signed checkpoint it rests on)")
    Optional<Long> at;

    @Option(
            names = "--canonical",
            description = "print the canonical results file of the contest and view (docs/log-format.md §7),"
                    + " which verify --results checks; with --at, as of that size")
    boolean canonical;

    @Override
    public Integer call() {
        try (Instance in = data.open()) {
            String v = view.orElseGet(() -> defaultView(in));
            Optional<org.veritally.server.asof.AsOf> asOf =
                    at.map(n -> in.asOf().at(n));
            if (canonical) {
                System.out.print(CanonicalResults.of(in, asOf, contest, v));
                return Main.OK;
            }
            UnitResult r = asOf.map(a -> a.results()).orElse(in.results()).result(unit, contest, v);
            asOf.ifPresent(a -> System.err.println(AsOfNote.line(a, in.store().logSize())));
            if (json) {
                System.out.println(Json.pretty(r));
            } else {
                System.out.printf("%s %s — contest %s — view %s%n", r.unit(), r.unitName(), r.contest(), r.view());
                var d = r.denominator();
                System.out.printf(
                        "stations reporting %,d of %,d; registered voters %,d of %,d (denominator: %s)%n",
                        r.stationsReporting(),
                        d.stations(),
                        r.registeredVoters(),
                        d.registered(),
                        d.declared() ? "the election's declared universe" : "the catalogue");
                System.out.printf(
                        "ballots %,d  valid %,d  null %,d  blank %,d%n",
                        r.ballotsCast(), r.validVotes(), r.nullVotes(), r.blankVotes());
                for (var c : r.candidates()) {
                    System.out.printf(
                            "  %-28s %,12d  %6.2f%%%n",
                            c.name(), c.votes(), r.validVotes() == 0 ? 0.0 : 100.0 * c.votes() / r.validVotes());
                }
            }
            return Main.OK;
        }
    }

    /** official with an authority source; else the only source's view, or consensus; the latter two named on stderr. */
    static String defaultView(Instance in) {
        if (in.state().election().isEmpty()) return "official"; // the result names the missing election (RD-ELECTION)
        Tabulation tab = in.state().tabulation();
        if (tab.authority().isPresent()) return "official";
        List<Source> sources = tab.sources();
        String v = sources.size() == 1 ? "source:" + sources.get(0).id() : "consensus";
        System.err.println("note: no authority source is declared, so no official view; showing view " + v
                + (sources.size() == 1 ? " (the only source)" : " (" + sources.size() + " sources)")
                + "; --view chooses another");
        return v;
    }
}
