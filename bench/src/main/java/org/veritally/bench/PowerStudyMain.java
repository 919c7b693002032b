package org.veritally.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.veritally.stats.power.PowerStudy;
import org.veritally.stats.power.PowerTable;

/**
 * The power study at full size ({@code bench/power-study.sh}): {@code PowerStudyMain STATIONS ELECTIONS SEED
 * OUT_DIR [FRACTION...]}. Writes {@code power-study.md} (the table of docs/statistics.md) and {@code
 * power-study.tsv} (what the statistics page reads) and prints the table.
 */
public final class PowerStudyMain {
    private PowerStudyMain() {}

    public static void main(String[] args) throws IOException {
        int stations = Integer.parseInt(args[0]);
        int elections = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        Path out = Path.of(args[3]);
        List<Double> fractions = new ArrayList<>();
        for (int i = 4; i < args.length; i++) fractions.add(Double.parseDouble(args[i]));
        if (fractions.isEmpty()) fractions = List.of(0.01, 0.05, 0.20);
        long t0 = System.nanoTime();
        PowerStudy.Result r = PowerStudy.run(stations, elections, fractions, 0.01, seed, 100);
        String md = PowerTable.about(r) + "\n\n" + PowerTable.markdown(r);
        Files.createDirectories(out);
        Files.writeString(out.resolve("power-study.md"), md, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("power-study.tsv"), PowerTable.tsv(r), StandardCharsets.UTF_8);
        System.out.print(md);
        System.out.printf(Locale.ROOT, "%.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
}
