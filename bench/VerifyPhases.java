import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.veritally.formats.entry.EntryCodec;
import org.veritally.formats.replay.LogReplay;
import org.veritally.formats.replay.ResultsJson;
import org.veritally.translog.EntryBundle;
import org.veritally.translog.LogHasher;
import org.veritally.translog.Parsed;
import org.veritally.translog.Tile;
import org.veritally.translog.TileLayout;

/**
 * Where `verify`'s CPU time goes, phase by phase, on one thread (issue 15): framing the entry bundles, the leaf
 * hashes, decoding (with the canonical check), the replay (the rulebook and the tabulation), its finish (the
 * consensus) and the results files. CPU time of this thread (ThreadMXBean), so steadier than wall time on a loaded
 * machine; the second and later rounds are the compiled code's.
 *
 *   java -Xmx6g -cp app/target/veritally.jar bench/VerifyPhases.java PUB [ROUNDS]
 *
 * PUB is a `publish` output (bench/verify-vs-sha256sum.sh builds one). Holds every decoded entry in memory.
 */
public class VerifyPhases {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private static long cpu() {
        return MX.getCurrentThreadCpuTime();
    }

    private static void report(String what, long t0) {
        System.out.printf("%-30s %7.3f s CPU%n", what, (cpu() - t0) / 1e9);
    }

    public static void main(String[] args) throws Exception {
        Path pub = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long size = Long.parseLong(Files.readAllLines(pub.resolve("checkpoint")).get(1));
        List<Tile.Entries> layout = TileLayout.entryBundles(size);
        List<byte[]> bundles = new ArrayList<>();
        for (Tile.Entries b : layout) bundles.add(Files.readAllBytes(pub.resolve(b.path())));
        System.out.println(size + " entries in " + layout.size() + " bundles");
        for (int r = 1; r <= rounds; r++) {
            System.out.println("round " + r);
            long t = cpu();
            List<byte[]> entries = new ArrayList<>((int) size);
            for (int i = 0; i < layout.size(); i++) {
                var framed = EntryBundle.frame(bundles.get(i), layout.get(i).width());
                entries.addAll(((Parsed.Ok<List<byte[]>>) framed).value());
            }
            report("frame the bundles", t);
            t = cpu();
            LogHasher hasher = LogHasher.create();
            for (byte[] e : entries) hasher.leafHash(e);
            report("leaf hashes", t);
            t = cpu();
            List<LogReplay.Decoded> decoded = new ArrayList<>((int) size);
            LogReplay.Decoded zero = LogReplay.decode(new EntryCodec(Optional.empty()), 0, entries.get(0));
            decoded.add(zero);
            EntryCodec codec = LogReplay.codecAfter(zero).orElseThrow();
            for (int i = 1; i < entries.size(); i++) decoded.add(LogReplay.decode(codec, i, entries.get(i)));
            report("decode, canonical check", t);
            t = cpu();
            LogReplay replay = new LogReplay();
            long problems = 0;
            for (LogReplay.Decoded d : decoded) problems += replay.accept(d).size();
            report("replay (" + problems + " problems)", t);
            t = cpu();
            replay.finish();
            report("finish (consensus)", t);
            t = cpu();
            int files = ResultsJson.all(replay.election().orElseThrow(), replay.catalogue(), replay.tabulation(), size)
                    .size();
            report("results files (" + files + ")", t);
        }
    }
}
