package org.veritally.app;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.veritally.core.tabulate.UnitResult;
import org.veritally.server.Instance;
import org.veritally.server.http.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code veritally results}: the result of a unit × contest × view, with coverage. */
@Command(name = "results", description = "Print the result of a unit (default: the whole election) for a contest and view.")
final class ResultsCommand implements Callable<Integer> {
  @Mixin DataDirOption data;

  @Option(names = "--unit", paramLabel = "ID") Optional<String> unit;

  @Option(names = "--contest", paramLabel = "ID") Optional<String> contest;

  @Option(names = "--view", paramLabel = "V", defaultValue = "official", description = "official | source:<id> (default: ${DEFAULT-VALUE})")
  String view;

  @Option(names = "--json", description = "print JSON") boolean json;

  @Override
  public Integer call() {
    try (Instance in = data.open()) {
      UnitResult r = in.results().result(unit, contest, view);
      if (json) {
        System.out.println(Json.pretty(r));
      } else {
        System.out.printf("%s %s — contest %s — view %s%n", r.unit(), r.unitName(), r.contest(), r.view());
        System.out.printf("stations reporting %,d of %,d; registered voters %,d of %,d%n", r.stationsReporting(), r.stationsTotal(),
            r.registeredVoters(), r.registeredVotersTotal());
        System.out.printf("ballots %,d  valid %,d  null %,d  blank %,d%n", r.ballotsCast(), r.validVotes(), r.nullVotes(), r.blankVotes());
        for (var c : r.candidates()) {
          System.out.printf("  %-28s %,12d  %6.2f%%%n", c.name(), c.votes(), r.validVotes() == 0 ? 0.0 : 100.0 * c.votes() / r.validVotes());
        }
      }
      return Main.OK;
    }
  }
}
