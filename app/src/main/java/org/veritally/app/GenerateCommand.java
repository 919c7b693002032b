package org.veritally.app;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.veritally.core.model.Catalogue;
import org.veritally.formats.Definition;
import org.veritally.formats.csv.GenericCsvWriter;
import org.veritally.formats.election.DefinitionJson;
import org.veritally.formats.generate.IdElectionFiles;
import org.veritally.formats.generate.IdVillages;
import org.veritally.formats.generate.IndonesiaElection;
import org.veritally.formats.generate.SyntheticElection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code veritally generate}: a synthetic election as {@code election.json} plus {@code sheets.csv}. */
@Command(
        name = "generate",
        description = {
            "Write a synthetic election (definition JSON + sheets CSV) for demos, tests and benchmarks.",
            "With --geography id-2024 FILE: Indonesia's real 2024 geography (820,161 TPS), generated votes."
        })
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--stations", paramLabel = "N", description = "stations of a synthetic geography")
    Integer stations;

    @Option(
            names = "--geography",
            arity = "2",
            paramLabel = "NAME FILE",
            description = "a real geography instead: id-2024 FILE (Indonesia's villages.csv, 820,161 TPS)")
    List<String> geography;

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
        if (geography != null) {
            return indonesia();
        }
        if (stations == null) {
            throw new UsageError("give --stations N, or --geography id-2024 FILE");
        }
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

    /** {@code --geography id-2024 FILE}: votes generated on Indonesia's real geography, streamed. */
    private int indonesia() throws IOException {
        if (!geography.get(0).equals("id-2024")) {
            throw new UsageError("unknown geography '" + geography.get(0) + "' (known: id-2024)");
        }
        if (stations != null) {
            throw new UsageError("--stations does not go with --geography: the geography has its stations");
        }
        Path file = Path.of(geography.get(1));
        if (!Files.isRegularFile(file)) {
            throw new UsageError("no such file: " + file);
        }
        long t0 = System.nanoTime();
        List<IdVillages.Village> villages = UsageError.of(() -> IdVillages.read(file));
        IndonesiaElection gen = UsageError.of(() -> new IndonesiaElection(villages, contests, sources, seed));
        Files.createDirectories(out);
        long n;
        long sheets;
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out.resolve("election.json")), 1 << 20)) {
            n = IdElectionFiles.definition(gen, o);
        }
        try (BufferedWriter w = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(out.resolve("sheets.csv")), StandardCharsets.UTF_8),
                1 << 20)) {
            sheets = IdElectionFiles.sheets(gen, w);
        }
        System.out.printf(
                "wrote %s/election.json (%,d units, %,d stations, %d contests, %d sources) and "
                        + "%s/sheets.csv (%,d sheets) in %.1f s; seed %d%n",
                out,
                gen.units().size(),
                n,
                contests,
                gen.sources().size(),
                out,
                sheets,
                (System.nanoTime() - t0) / 1e9,
                seed);
        return Main.OK;
    }
}
