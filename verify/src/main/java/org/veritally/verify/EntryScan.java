package org.veritally.verify;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.veritally.core.validation.Problem;
import org.veritally.formats.replay.LogReplay;
import org.veritally.translog.EntryBundle;
import org.veritally.translog.LogHasher;
import org.veritally.translog.Parsed;
import org.veritally.translog.Rule;
import org.veritally.translog.Tile;
import org.veritally.translog.TileLayout;

/**
 * {@code VFY-LEAVES} and {@code VFY-ENTRIES} in one pass over the entry bundles: each bundle is
 * framed as its width says (TILE-ENT-1) and each entry's leaf hash is its level-0 tile hash
 * (TILE-ENT-2); then the entries are replayed in order ({@link LogReplay}: LOG-DECODE, LOG-CANON,
 * and every rule of the rulebook, each finding under its own rule ID). Each bundle is read once.
 *
 * <p>A bundle that is absent or badly framed breaks the replay: the entries after it cannot be
 * placed, so {@code VFY-ENTRIES} reports how far it got and {@code VFY-TOTALS} is skipped, while
 * {@code VFY-LEAVES} goes on checking the later bundles. The replay runs on a second thread while
 * this one reads and hashes ({@link ReplayWorker}). Not thread-safe; one per verification.
 */
final class EntryScan {

    /** What the scan found; {@code replay} is present (and finished) when every entry was replayed. */
    record Result(CheckResult leaves, CheckResult entries, long entriesChecked, Optional<LogReplay> replay) {}

    private final PublishedLog log;
    private final long size;
    private final LogHasher hasher = LogHasher.create();
    private final CheckResult.Findings leaves = new CheckResult.Findings(Check.VFY_LEAVES);
    private long brokenAt = -1;

    EntryScan(PublishedLog log, long size) {
        this.log = log;
        this.size = size;
    }

    Result run() {
        long checked = 0;
        try (ReplayWorker replay = new ReplayWorker()) {
            for (Tile.Entries b : TileLayout.entryBundles(size)) {
                Optional<List<byte[]>> entries = bundle(b);
                if (entries.isPresent()) {
                    checked += entries.get().size();
                    if (brokenAt < 0) {
                        replay.submit(entries.get());
                    }
                } else if (brokenAt < 0) {
                    brokenAt = b.index() * Tile.FULL_WIDTH;
                }
            }
            ReplayWorker.Outcome outcome = replay.finish();
            CheckResult v4 = leaves.result(
                    String.format(java.util.Locale.ROOT, "%,d entries hash to their leaves", checked),
                    leaves.count() + " problem(s) in the entry bundles");
            boolean complete = brokenAt < 0 && outcome.crash().isEmpty();
            return new Result(
                    v4, entriesResult(outcome), checked, complete ? Optional.of(outcome.replay()) : Optional.empty());
        }
    }

    private CheckResult entriesResult(ReplayWorker.Outcome outcome) {
        CheckResult.Findings f = new CheckResult.Findings(Check.VFY_ENTRIES);
        for (Problem x : outcome.findings()) {
            f.add(x);
        }
        f.more(outcome.findingCount() - outcome.findings().size());
        outcome.crash()
                .ifPresent(c -> f.add(
                        new Problem(org.veritally.core.validation.Rule.LOG_DECODE, "entry " + outcome.replayed(), c)));
        if (brokenAt >= 0) {
            String why = "replayed entries 0 to " + (brokenAt - 1) + "; entries from " + brokenAt
                    + " on cannot be read (see VFY-LEAVES)";
            return f.isEmpty() ? CheckResult.skip(Check.VFY_ENTRIES, why) : f.result("", why);
        }
        return f.result(
                String.format(
                        java.util.Locale.ROOT,
                        "%,d entries replayed: each decodes, is canonical and obeys the rules",
                        outcome.replayed()),
                f.count() + " entries break a rule");
    }

    /** Reads, frames and leaf-checks one bundle; empty when it cannot be read or framed. */
    private Optional<List<byte[]>> bundle(Tile.Entries b) {
        Optional<byte[]> bytes = log.read(b.path());
        if (bytes.isEmpty()) {
            leaves.add(Problem.mismatch(
                    Rule.TILE_ENT_1,
                    b.path(),
                    "the publication lacks this entry bundle",
                    b.width() + " entries",
                    "absent"));
            return Optional.empty();
        }
        Parsed<EntryBundle> parsed = EntryBundle.parse(bytes.get(), b.width());
        if (!(parsed instanceof Parsed.Ok<EntryBundle> ok)) {
            for (Problem p : parsed.problems()) {
                leaves.add(Problem.mismatch(
                        p.rule(), b.path() + " " + p.location(), p.message(), b.width() + " entries", "see message"));
            }
            return Optional.empty();
        }
        List<byte[]> entries = ok.value().entries();
        Tile.Hashes level0 = new Tile.Hashes(0, b.index(), b.width());
        Optional<byte[]> tile = log.read(level0.path());
        if (tile.isEmpty() || tile.get().length != b.width() * LogHasher.HASH_SIZE) {
            leaves.add(new Problem(
                    Rule.TILE_FMT_1,
                    level0.path(),
                    "cannot check the leaves of " + b.path()
                            + ": its level-0 tile is absent or malformed (see VFY-TILES)"));
            return Optional.of(entries);
        }
        byte[] published = tile.get();
        for (int i = 0; i < entries.size(); i++) {
            byte[] computed = hasher.leafHash(entries.get(i));
            int at = i * LogHasher.HASH_SIZE;
            if (!Arrays.equals(published, at, at + LogHasher.HASH_SIZE, computed, 0, LogHasher.HASH_SIZE)) {
                leaves.add(Problem.mismatch(
                        Rule.TILE_ENT_2,
                        "entry " + (b.index() * Tile.FULL_WIDTH + i) + " (" + b.path() + ")",
                        "the entry does not hash to its leaf in " + level0.path(),
                        HexFormat.of().formatHex(published, at, at + LogHasher.HASH_SIZE),
                        HexFormat.of().formatHex(computed)));
            }
        }
        return Optional.of(entries);
    }
}
