package org.veritally.verify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.veritally.core.validation.Problem;
import org.veritally.formats.entry.EntryCodec;
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
 * <p>A bounded pipeline (docs/performance.md, issue 15): this thread reads the bundles in order; a pool of
 * one decoder a core frames, leaf-checks and decodes each bundle ({@link LogReplay#decode}, a pure function);
 * the bundles' results are taken back in order, their findings kept in order, and their entries replayed on
 * one thread ({@link ReplayWorker}), so the rulebook stays sequential and the report is the same whatever the
 * number of cores. At most {@link #inFlight} bundles are decoded ahead.
 *
 * <p>A bundle that is absent or badly framed breaks the replay: the entries after it cannot be
 * placed, so {@code VFY-ENTRIES} reports how far it got and {@code VFY-TOTALS} is skipped, while
 * {@code VFY-LEAVES} goes on checking the later bundles. Not thread-safe; one per verification.
 */
final class EntryScan {

    /** What the scan found; {@code replay} is present (and finished) when every entry was replayed. */
    record Result(CheckResult leaves, CheckResult entries, long entriesChecked, Optional<LogReplay> replay) {}

    /** One bundle checked and decoded: its leaf findings, and its entries when it could be framed. */
    private record Checked(Tile.Entries bundle, List<Problem> leaves, Optional<List<LogReplay.Decoded>> entries) {}

    private final PublishedLog log;
    private final long size;
    private final int decoders;
    private final CheckResult.Findings leaves = new CheckResult.Findings(Check.VFY_LEAVES);
    /** The codec for the entries after entry 0, bound to the election entry 0 defines (see LogReplay#codecAfter). */
    private final CompletableFuture<EntryCodec> codec = new CompletableFuture<>();

    private long brokenAt = -1;

    EntryScan(PublishedLog log, long size) {
        this(log, size, Runtime.getRuntime().availableProcessors());
    }

    /** A scan with {@code decoders} decoding threads (at least one). */
    EntryScan(PublishedLog log, long size, int decoders) {
        this.log = log;
        this.size = size;
        this.decoders = Math.max(1, decoders);
    }

    /** How many bundles may be read and decoded ahead of the replay. */
    private int inFlight() {
        return 2 * decoders + 2;
    }

    Result run() {
        long checked = 0;
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(decoders, r -> {
            Thread t = new Thread(r, "verify-decode-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Deque<Future<Checked>> ahead = new ArrayDeque<>();
        try (ReplayWorker replay = new ReplayWorker()) {
            for (Tile.Entries b : TileLayout.entryBundles(size)) {
                Optional<byte[]> bytes = log.read(b.path());
                Tile.Hashes level0 = new Tile.Hashes(0, b.index(), b.width());
                Optional<byte[]> tile = bytes.isPresent() ? log.read(level0.path()) : Optional.empty();
                ahead.add(pool.submit(() -> check(b, bytes, tile)));
                if (ahead.size() >= inFlight()) checked += take(ahead.poll(), replay);
            }
            while (!ahead.isEmpty()) checked += take(ahead.poll(), replay);
            ReplayWorker.Outcome outcome = replay.finish();
            CheckResult v4 = leaves.result(
                    String.format(java.util.Locale.ROOT, "%,d entries hash to their leaves", checked),
                    leaves.count() + " problem(s) in the entry bundles");
            boolean complete = brokenAt < 0 && outcome.crash().isEmpty();
            return new Result(
                    v4, entriesResult(outcome), checked, complete ? Optional.of(outcome.replay()) : Optional.empty());
        } finally {
            codec.complete(new EntryCodec(Optional.empty())); // no decoder waits for a bundle that never comes
            pool.shutdownNow();
        }
    }

    /** Takes the oldest bundle's outcome: its findings in order, its entries to the replay. */
    private long take(Future<Checked> next, ReplayWorker replay) {
        Checked c = join(next);
        c.leaves().forEach(leaves::add);
        if (c.entries().isPresent()) {
            if (brokenAt < 0) replay.submit(c.entries().get());
            return c.entries().get().size();
        }
        if (brokenAt < 0) brokenAt = c.bundle().index() * Tile.FULL_WIDTH;
        return 0;
    }

    private static Checked join(Future<Checked> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding the log", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
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

    /**
     * Frames, leaf-checks and decodes one bundle (on a decoder thread): its findings, and its entries unless
     * it is absent or cannot be framed. Bundle 0 decodes entry 0 first and so gives every other bundle its
     * codec; the others wait for it.
     */
    private Checked check(Tile.Entries b, Optional<byte[]> bytes, Optional<byte[]> tile) throws InterruptedException {
        List<Problem> found = new ArrayList<>();
        try {
            if (bytes.isEmpty()) {
                found.add(Problem.mismatch(
                        Rule.TILE_ENT_1,
                        b.path(),
                        "the publication lacks this entry bundle",
                        b.width() + " entries",
                        "absent"));
                return new Checked(b, found, Optional.empty());
            }
            Parsed<List<byte[]>> parsed = EntryBundle.frame(bytes.get(), b.width());
            if (!(parsed instanceof Parsed.Ok<List<byte[]>> ok)) {
                for (Problem p : parsed.problems()) {
                    found.add(Problem.mismatch(
                            p.rule(),
                            b.path() + " " + p.location(),
                            p.message(),
                            b.width() + " entries",
                            "see message"));
                }
                return new Checked(b, found, Optional.empty());
            }
            List<byte[]> entries = ok.value();
            checkLeaves(b, entries, tile, found);
            long first = b.index() * Tile.FULL_WIDTH;
            List<LogReplay.Decoded> decoded = new ArrayList<>(entries.size());
            int i = 0;
            if (b.index() == 0 && !entries.isEmpty()) {
                LogReplay.Decoded zero = LogReplay.decode(new EntryCodec(Optional.empty()), 0, entries.get(0));
                decoded.add(zero);
                codec.complete(LogReplay.codecAfter(zero).orElseGet(() -> new EntryCodec(Optional.empty())));
                i = 1;
            }
            EntryCodec c = awaitCodec();
            for (; i < entries.size(); i++) decoded.add(LogReplay.decode(c, first + i, entries.get(i)));
            return new Checked(b, found, Optional.of(decoded));
        } finally {
            if (b.index() == 0) codec.complete(new EntryCodec(Optional.empty())); // when bundle 0 broke
        }
    }

    private EntryCodec awaitCodec() throws InterruptedException {
        try {
            return codec.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** TILE-ENT-2: each entry hashes to its leaf in the bundle's level-0 tile (TILE-FMT-1 when that tile is bad). */
    private static void checkLeaves(Tile.Entries b, List<byte[]> entries, Optional<byte[]> tile, List<Problem> found) {
        Tile.Hashes level0 = new Tile.Hashes(0, b.index(), b.width());
        if (tile.isEmpty() || tile.get().length != b.width() * LogHasher.HASH_SIZE) {
            found.add(new Problem(
                    Rule.TILE_FMT_1,
                    level0.path(),
                    "cannot check the leaves of " + b.path()
                            + ": its level-0 tile is absent or malformed (see VFY-TILES)"));
            return;
        }
        LogHasher hasher = LogHasher.create();
        byte[] published = tile.get();
        for (int i = 0; i < entries.size(); i++) {
            byte[] computed = hasher.leafHash(entries.get(i));
            int at = i * LogHasher.HASH_SIZE;
            if (!Arrays.equals(published, at, at + LogHasher.HASH_SIZE, computed, 0, LogHasher.HASH_SIZE)) {
                found.add(Problem.mismatch(
                        Rule.TILE_ENT_2,
                        "entry " + (b.index() * Tile.FULL_WIDTH + i) + " (" + b.path() + ")",
                        "the entry does not hash to its leaf in " + level0.path(),
                        HexFormat.of().formatHex(published, at, at + LogHasher.HASH_SIZE),
                        HexFormat.of().formatHex(computed)));
            }
        }
    }
}
