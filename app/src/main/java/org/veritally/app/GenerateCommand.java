package org.veritally.app;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.veritally.core.model.Catalogue;
import org.veritally.formats.Definition;
import org.veritally.formats.csv.GenericCsvWriter;
import org.veritally.formats.election.DefinitionJson;
import org.veritally.formats.generate.SyntheticElection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code veritally generate}: a synthetic election as {@code election.json} plus {@code sheets.csv}. */
@Command(
        name = "generate",
        description = "Write a synthetic election (definition JSON + sheets CSV) for demos, tests and benchmarks.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--stations", required = true, paramLabel = "N")
    int stations;

    @Option(names = "--contests", defaultValue = "1", paramLabel = "C")
    int contests;

    @Option(names = "--choices", defaultValue = "6", paramLabel = "K")
    int choices;

    @Option(names = "--sources", defaultValue = "1", paramLabel = "S")
    int sources;

    @Option(names = "--seed", required = true, paramLabel = "X")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Override
    public Integer call() throws IOException {
        long t0 = System.nanoTime();
        var gen = UsageError.of(() -> new SyntheticElection(stations, contests, choices, sources, seed));
        Definition d = gen.definition();
        Files.createDirectories(out);
        Files.write(out.resolve("election.json"), DefinitionJson.write(d));
        Catalogue cat = new Catalogue();
        d.units().forEach(cat::addUnit);
        d.stations().forEach(cat::addStation);
        long[] n = {0};
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("sheets.csv"), StandardCharsets.UTF_8)) {
            var csv = new GenericCsvWriter(w, d.election(), cat);
            csv.header();
            gen.sheets(d, s -> {
                csv.write(s);
                n[0]++;
            });
        }
        System.out.printf(
                "wrote %s/election.json (%,d units, %,d stations, %d contests, %d sources) and "
                        + "%s/sheets.csv (%,d sheets) in %.1f s; seed %d%n",
                out,
                d.units().size(),
                d.stations().size(),
                contests,
                d.sources().size(),
                out,
                n[0],
                (System.nanoTime() - t0) / 1e9,
                seed);
        return Main.OK;
    }
}
