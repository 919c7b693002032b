package org.veritally.server.asof;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.veritally.core.model.Catalogue;

/**
 * The catalogues as they stood at earlier log sizes, shared by every state restored from a snapshot. The
 * catalogue only grows, in log order, so the one of a snapshot is the live catalogue's first {@code units}
 * units and {@code stations} stations: it is built once from the live one (the same unit and station objects,
 * new indices) and kept; the {@value #KEPT} most recently used are kept, since one catalogue of a million
 * stations costs about a hundred megabytes and a log usually has its whole catalogue at the start.
 *
 * <p>Thread-safe: guarded by this object's monitor (a catalogue is built by one caller at a time).
 */
final class SharedCatalogues {
    static final int KEPT = 2;
    private final Supplier<Catalogue> live;
    private final Map<Long, Catalogue> kept = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Catalogue> eldest) {
            return size() > KEPT;
        }
    };

    SharedCatalogues(Supplier<Catalogue> live) {
        this.live = live;
    }

    /**
     * Keeps {@code c} as the catalogue of its own size, to be shared as it is rather than built again from the
     * live one: the caller hands it over and never writes it again (start-up restores a snapshot over the
     * catalogue image's catalogue this way, issue 15; a state that must add to it copies it first).
     */
    synchronized void share(Catalogue c) {
        kept.put(((long) c.unitCount() << 32) | c.stationCount(), c);
    }

    /** Forgets {@code c} if it is the one kept for its size (a catalogue handed over by {@link #share}). */
    synchronized void unshare(Catalogue c) {
        kept.remove(((long) c.unitCount() << 32) | c.stationCount(), c);
    }

    /**
     * The catalogue of the first {@code units} units and {@code stations} stations.
     *
     * @throws IllegalStateException if the live catalogue does not hold that many (it is being rebuilt)
     */
    synchronized Catalogue at(int units, int stations) {
        long key = ((long) units << 32) | stations;
        Catalogue c = kept.get(key);
        if (c != null) return c;
        Catalogue from = live.get();
        if (from.unitCount() < units || from.stationCount() < stations)
            throw new IllegalStateException("the live catalogue holds " + from.unitCount() + " units and "
                    + from.stationCount() + " stations, fewer than " + units + " and " + stations);
        c = new Catalogue();
        c.reserve(units, stations);
        for (int i = 0; i < units; i++) c.addUnit(from.unit(i));
        for (int i = 0; i < stations; i++) c.addStation(from.station(i));
        kept.put(key, c);
        return c;
    }
}
