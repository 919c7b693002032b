package org.veritally.app;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.veritally.server.Instance;
import org.veritally.server.http.Json;
import org.veritally.server.read.ReadDiscrepancies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code veritally discrepancies}: the reconciliation summary and every disputed station. */
@Command(
        name = "discrepancies",
        description = "Print the reconciliation summary and every disputed station, field by field.")
final class DiscrepanciesCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(names = "--unit", paramLabel = "ID", description = "only stations below this unit")
    Optional<String> unit;

    @Option(names = "--source", paramLabel = "ID", description = "only stations where this source's copy differs")
    Optional<String> source;

    @Option(names = "--limit", defaultValue = "1000000", paramLabel = "N")
    int limit;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        try (Instance in = data.open()) {
            var r = new ReadDiscrepancies(in.state(), in.store()).report(unit, source, limit);
            if (json) {
                System.out.println(Json.pretty(r));
                return Main.OK;
            }
            var s = r.summary();
            System.out.printf(
                    "agreed %,d  disputed %,d  single %s  missing %,d  (%s)%n",
                    s.get("agreed"), s.get("disputed"), s.get("single"), s.get("missing"), s.get("counting"));
            for (var st : r.stations()) {
                System.out.printf(
                        "%s/%s (unit %s): differs on %s%n",
                        st.station(), st.contest(), st.unit(), String.join(", ", st.differing()));
                for (var c : st.copies()) System.out.println("    " + c);
            }
            return Main.OK;
        }
    }
}
