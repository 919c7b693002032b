package org.veritally.server.startup;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.veritally.core.model.Catalogue;
import org.veritally.server.asof.Snapshots;
import org.veritally.server.intake.ReplayLog;
import org.veritally.server.state.ElectionState;
import org.veritally.store.LogRow;
import org.veritally.store.Store;
import org.veritally.store.StoreHashReader;
import org.veritally.translog.CompactRange;
import org.veritally.translog.LogHasher;

/**
 * Loads the in-memory state of a data directory at start (issue 15, docs/performance.md "Start-up from a
 * snapshot"): the newest as-of snapshot of the state ({@link Snapshots#restoreAtMost}: its SHA-256 and its root
 * against the store's tree are checked there) over the {@link CatalogueImage} (its SHA-256, and its root against
 * the store's tree at its size, checked here), then the entries after the snapshot replayed through the one
 * rulebook ({@link ReplayLog}, as a follower does). When there is no snapshot, it is more than {@code maxReplay}
 * entries behind the log, the image is missing, corrupt, of another log or too small, or the restore or the
 * replay fails, the state is loaded from the projections as before, and the reason is logged and kept in the
 * {@link StartUp} ({@code /readyz} shows it).
 *
 * <p>The state so loaded equals the one the projections give when they match the log; the integrity check
 * (docs/operations.md, "Integrity at rest") still compares the projections with a replay of the log.
 */
public final class StartState {
    /** The catalogue image's file in a data directory (beside the snapshots). */
    public static final String IMAGE = "catalogue.img";

    /** The most entries replayed after a snapshot at start-up (about 10 µs each); beyond, the projections. */
    public static final long MAX_REPLAY = 50_000;

    private static final Logger LOG = LoggerFactory.getLogger("veritally.startup");
    private static final int PAGE = 20_000;

    private StartState() {}

    /** A state and how it was loaded. */
    public record Loaded(ElectionState state, StartUp how) {}

    /**
     * Loads the state of {@code store}.
     *
     * @param snapshots the data directory's snapshots of the state, if it keeps any
     * @param image the catalogue image's file
     * @param lend told the catalogue the snapshot's restore is to share, before the restore, and {@code null}
     *     after it: {@code snapshots} was built with a supplier of the live catalogue, which start-up is making
     * @param projections the load from the projections, the way in when the snapshot cannot be used
     */
    public static Loaded load(
            Store store,
            Optional<Snapshots> snapshots,
            Path image,
            long maxReplay,
            Consumer<Catalogue> lend,
            java.util.function.Supplier<ElectionState> projections) {
        long t0 = System.nanoTime();
        long size = store.logSize();
        Optional<CatalogueImage> img = Optional.empty();
        String imageProblem = "";
        try {
            img = CatalogueImageFile.read(image);
            if (img.isPresent() && !boundToLog(store, img.get(), size)) {
                imageProblem = "the catalogue image is not of this log (its root is not that of the log's tree of size "
                        + img.get().size() + ")";
                img = Optional.empty();
            }
        } catch (CatalogueImageFile.CorruptImage e) {
            imageProblem = "the catalogue image is corrupt (" + e.getMessage() + ")";
        }
        String why = reasonNotToTry(snapshots, size, maxReplay, img, imageProblem);
        if (!why.isEmpty()) return fallBack(why, projections, img, t0);
        CatalogueImage ci = img.orElseThrow();
        long newest = snapshots.orElseThrow().shelf().floor(size).orElseThrow();
        ElectionState state;
        long replayed;
        Catalogue imaged = null;
        try {
            imaged = ci.catalogue(ci.units().size(), ci.stations().size());
            // the restore shares the image's catalogue as it is (no second catalogue built from it); the served
            // state copies it before it adds a unit or a station (ElectionState.catalogueToExtend)
            snapshots.get().share(imaged);
            lend.accept(imaged);
            Optional<ElectionState> restored;
            try {
                restored = snapshots.get().restoreAtMost(size);
            } finally {
                lend.accept(null);
            }
            if (restored.isEmpty()) {
                snapshots.get().unshare(imaged);
                return fallBack(
                        "no snapshot could be restored (the log of veritally.asof says why)", projections, img, t0);
            }
            state = restored.get();
            if (size - state.logSize() > maxReplay) {
                snapshots.get().unshare(imaged);
                return fallBack(
                        "the snapshot of log size " + newest + " was refused (the log of veritally.asof says why) and"
                                + " the one restored, of size " + state.logSize() + ", is too far behind",
                        projections,
                        img,
                        t0);
            }
            replayed = replay(state, store);
        } catch (RuntimeException e) {
            if (imaged != null) snapshots.get().unshare(imaged);
            LOG.warn("start-up from the snapshot failed", e);
            return fallBack("the start from the snapshot failed: " + e, projections, img, t0);
        }
        boolean current = ci.units().size() >= state.catalogue().unitCount()
                && ci.stations().size() >= state.catalogue().stationCount();
        String also = state.logSize() - replayed == newest
                ? ""
                : " (the snapshot of size " + newest + " was refused: the log of veritally.asof says why)";
        StartUp how = StartUp.snapshot(state.logSize() - replayed, replayed, current, also);
        LOG.debug("{}, in {} ms", how.note(), (System.nanoTime() - t0) / 1_000_000);
        return new Loaded(state, how);
    }

    private static String reasonNotToTry(
            Optional<Snapshots> snapshots,
            long size,
            long maxReplay,
            Optional<CatalogueImage> img,
            String imageProblem) {
        if ("projections".equals(System.getProperty("veritally.start.from")))
            return "the snapshots are not used at start-up (-Dveritally.start.from=projections)";
        if (snapshots.isEmpty()) return "this data directory keeps no snapshots";
        Optional<Long> newest = snapshots.get().shelf().floor(size);
        if (newest.isEmpty()) return "there is no snapshot of the state yet";
        if (size - newest.get() > maxReplay)
            return "the newest snapshot, of log size " + newest.get() + ", is " + (size - newest.get())
                    + " entries behind the log (more than " + maxReplay + ")";
        if (!imageProblem.isEmpty()) return imageProblem;
        if (img.isEmpty()) return "there is no catalogue image yet";
        return "";
    }

    private static boolean boundToLog(Store store, CatalogueImage img, long size) {
        if (img.size() > size) return false;
        LogHasher h = LogHasher.create();
        return Arrays.equals(
                CompactRange.read(img.size(), new StoreHashReader(store)).root(h), img.root());
    }

    private static Loaded fallBack(
            String why, java.util.function.Supplier<ElectionState> projections, Optional<CatalogueImage> img, long t0) {
        ElectionState s = projections.get();
        boolean current = img.isPresent()
                && img.get().units().size() >= s.catalogue().unitCount()
                && img.get().stations().size() >= s.catalogue().stationCount();
        StartUp how = StartUp.projections(why, current);
        LOG.debug("{}, in {} ms", how.note(), (System.nanoTime() - t0) / 1_000_000);
        return new Loaded(s, how);
    }

    /** Replays the log after {@code state} to its end, in memory only; how many entries. */
    private static long replay(ElectionState state, Store store) {
        ReplayLog replay = ReplayLog.following(state, store);
        long applied = 0;
        long next = state.logSize();
        while (true) {
            List<LogRow> rows = store.readLog(next, PAGE);
            if (rows.isEmpty()) break;
            rows.forEach(replay::apply);
            replay.finishPage();
            applied += rows.size();
            next += rows.size();
            if (rows.size() < PAGE) break;
        }
        return applied;
    }

    /**
     * Writes the image of the catalogue {@code state} was loaded with (its first units and stations, bound to its
     * log size and root, both read now: call it before the state moves on, then write the image at leisure).
     */
    public static Runnable imageWriter(ElectionState state, Path image) {
        long size = state.logSize();
        byte[] root = state.range().root(LogHasher.create());
        Catalogue c = state.catalogue();
        int units = c.unitCount();
        int stations = c.stationCount();
        return () -> {
            long t0 = System.nanoTime();
            long bytes = CatalogueImageFile.write(image, CatalogueImage.of(size, root, c, units, stations));
            LOG.info(
                    "catalogue image of log size {} ({} units, {} stations) written: {} bytes in {} ms",
                    size,
                    units,
                    stations,
                    bytes,
                    (System.nanoTime() - t0) / 1_000_000);
        };
    }
}
