package org.veritally.core.tabulate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Election;
import org.veritally.core.model.Source;
import org.veritally.core.model.SourceKind;
import org.veritally.core.model.TallySheet;

/**
 * The live totals per unit × contest × source, up the whole hierarchy. A sheet adds to its
 * station's unit and every ancestor; a correction subtracts the sheet it replaces. The official
 * view is the authority source's totals.
 *
 * <p>Changes are staged in a {@link Batch} so the store can write the new totals in the same
 * transaction as the log entries, and published to readers only after that transaction commits.
 * Thread-safety: one writer (the sequencer) at a time; readers may call {@link #tally} concurrently.
 */
public final class Tabulation {
    /** The source index under which the consensus view's tallies are kept. */
    public static final int CONSENSUS = 0xFFFF;

    private final Election election;
    private volatile Catalogue catalogue;
    private final List<Source> sources = new ArrayList<>();
    private final Map<String, Integer> sourceIndex = new HashMap<>();
    private final Map<TallyKey, Tally> live = new HashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile Base base = Base.NONE;

    /**
     * Tallies read in place from elsewhere (an as-of state's snapshot, issue 18), under the live ones: a tally
     * not yet changed here is read from the base; the first change copies it into the live map. The base is
     * never written. Implementations must be safe to read from several threads.
     */
    public interface Base {
        /** No tallies. */
        Base NONE = new Base() {
            @Override
            public Tally get(TallyKey key) {
                return null;
            }

            @Override
            public void forEach(java.util.function.BiConsumer<TallyKey, Tally> each) {}
        };

        /** A fresh copy of the tally of {@code key}, or {@code null} when the base has none. */
        Tally get(TallyKey key);

        /** Every tally of the base (fresh copies), in no particular order. */
        void forEach(java.util.function.BiConsumer<TallyKey, Tally> each);
    }

    public Tabulation(Election election, Catalogue catalogue) {
        this.election = election;
        this.catalogue = catalogue;
    }

    public Election election() {
        return election;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /**
     * Tabulates against {@code grown} from now on: a copy of the current catalogue (the same units and
     * stations at the same indices) that may grow, taken when the current one is shared and must not be
     * written (an as-of state restored from a snapshot). Staged batches keep working: they read the field.
     */
    public void rebase(Catalogue grown) {
        if (grown.unitCount() < catalogue.unitCount() || grown.stationCount() < catalogue.stationCount())
            throw new IllegalArgumentException("the new catalogue does not hold the current one");
        catalogue = grown;
    }

    /**
     * Reads the tallies not changed here from {@code b} (a state restored from a snapshot in place).
     *
     * @throws IllegalStateException if tallies were already loaded or changed, or a base was set
     */
    public void underlay(Base b) {
        lock.writeLock().lock();
        try {
            if (!live.isEmpty() || base != Base.NONE)
                throw new IllegalStateException("a base goes under an empty tabulation only");
            base = b;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private Tally current(TallyKey key) {
        Tally t = live.get(key);
        return t != null ? t : base.get(key);
    }

    /** Registers a source (idempotent); returns its index. */
    public int addSource(Source s) {
        lock.writeLock().lock();
        try {
            Integer i = sourceIndex.get(s.id());
            if (i != null) return i;
            sources.add(s);
            sourceIndex.put(s.id(), sources.size() - 1);
            return sources.size() - 1;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public int sourceIndex(String sourceId) {
        lock.readLock().lock();
        try {
            Integer i = sourceIndex.get(sourceId);
            return i == null ? -1 : i;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many sources are declared (cheaper than {@code sources().size()}). */
    public int sourceCount() {
        lock.readLock().lock();
        try {
            return sources.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    public List<Source> sources() {
        lock.readLock().lock();
        try {
            return List.copyOf(sources);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The authority source, if one is declared; the official view reads its totals. */
    public Optional<Source> authority() {
        for (Source s : sources()) if (s.kind() == SourceKind.AUTHORITY) return Optional.of(s);
        return Optional.empty();
    }

    /** Source index for a view, or -1 when the view has no source (official without authority). */
    public int sourceOf(View view) {
        if (view instanceof View.OfSource s) return sourceIndex(s.sourceId());
        if (view instanceof View.Official)
            return authority().map(a -> sourceIndex(a.id())).orElse(-1);
        return CONSENSUS;
    }

    /** The id stored for a tally's source index: the source id, or {@code consensus}. */
    public String viewId(int source) {
        if (source == CONSENSUS) return "consensus";
        lock.readLock().lock();
        try {
            return sources.get(source).id();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Inverse of {@link #viewId}: -1 when unknown. */
    public int viewIndex(String id) {
        return "consensus".equals(id) ? CONSENSUS : sourceIndex(id);
    }

    /** A copy of the live tally, or an empty one. */
    public Tally tally(int contest, int source, int unit) {
        int choices = election.contests().get(contest).choices().size();
        lock.readLock().lock();
        try {
            Tally t = source < 0 ? null : current(new TallyKey(contest, source, unit));
            return t == null ? new Tally(choices) : t.copy();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Every tally changed here, not those only in the {@link #underlay base} (fresh copies): what a replay after
     * a restore changed, which a snapshot layer holds (issue 15).
     */
    public Map<TallyKey, Tally> changed() {
        lock.readLock().lock();
        try {
            var m = new HashMap<TallyKey, Tally>();
            live.forEach((k, v) -> m.put(k, v.copy()));
            return m;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every live tally, for comparisons with a rebuild. */
    public Map<TallyKey, Tally> snapshot() {
        lock.readLock().lock();
        try {
            var m = new HashMap<TallyKey, Tally>();
            base.forEach(m::put);
            live.forEach((k, v) -> m.put(k, v.copy()));
            return m;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Loads a stored tally (store start-up); replaces any live value. */
    public void load(TallyKey key, Tally t) {
        lock.writeLock().lock();
        try {
            live.put(key, t.copy());
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Batch begin() {
        return new Batch();
    }

    /** Staged changes of one sequencer batch. Not thread-safe; used by the sequencer alone. */
    public final class Batch {
        private final Map<TallyKey, Tally> delta = new LinkedHashMap<>();

        private Batch() {}

        /** Adds a sheet to its source's view, replacing {@code replaced} (the same source's earlier sheet) if given. */
        public void add(TallySheet sheet, Optional<TallySheet> replaced) {
            int s = sourceIndex(sheet.sourceId());
            if (s < 0) throw new IllegalStateException("unvalidated sheet " + sheet);
            addTo(s, sheet, 1);
            replaced.ifPresent(r -> addTo(s, r, -1));
        }

        /**
         * As {@link #add(TallySheet, Optional)}, for a sheet whose station, contest and source indices the caller
         * has already resolved (the rulebook's copy key): a bulk import then looks the station id up once a row,
         * not once more here (issue 15). {@code replaced} is a copy of the same station, contest and source.
         */
        public void add(int station, int contest, int source, TallySheet sheet, Optional<TallySheet> replaced) {
            addTo(source, station, contest, sheet, 1);
            replaced.ifPresent(r -> addTo(source, station, contest, r, -1));
        }

        /** Adds ({@code sign} 1) or removes (-1) a sheet's numbers in one view, up the hierarchy. */
        public void addTo(int view, TallySheet sheet, int sign) {
            int c = election.contestIndex(sheet.contestId());
            int st = catalogue.stationIndex(sheet.stationId());
            if (c < 0 || st < 0) throw new IllegalStateException("unvalidated sheet " + sheet);
            addTo(view, st, c, sheet, sign);
        }

        /**
         * As {@link #addTo(int, TallySheet, int)}, with the sheet's station index {@code st} and contest index
         * {@code c} already resolved by the caller.
         */
        public void addTo(int view, int st, int c, TallySheet sheet, int sign) {
            if (st < 0
                    || st >= catalogue.stationCount()
                    || c < 0
                    || c >= election.contests().size())
                throw new IllegalArgumentException("no station " + st + " or contest " + c + " for " + sheet);
            int[] ancestry = catalogue.ancestry(catalogue.unitOfStation(st));
            long reg = catalogue.station(st).registeredVoters();
            for (int u : ancestry) {
                TallyKey key = new TallyKey(c, view, u);
                Tally d = delta.get(key);
                if (d == null) delta.put(key, d = new Tally(sheet.choiceCount()));
                apply(d, sheet, reg, sign);
            }
        }

        private void apply(Tally d, TallySheet sh, long reg, int sign) {
            var k = sh.counts();
            d.stations += sign;
            d.registered += sign * reg;
            d.ballots += sign * k.ballotsOrSum();
            d.valid += sign * k.valid();
            d.nulls += sign * k.nulls();
            d.blank += sign * (k.blank() < 0 ? 0 : k.blank());
            for (int i = 0; i < d.votes.length; i++) d.votes[i] += sign * sh.vote(i);
        }

        /** The values the touched tallies will have once this batch is published. */
        public Map<TallyKey, Tally> changed() {
            var out = new LinkedHashMap<TallyKey, Tally>();
            lock.readLock().lock();
            try {
                delta.forEach((k, d) -> {
                    Tally cur = current(k);
                    Tally n = cur == null ? new Tally(d.votes.length) : cur.copy();
                    n.add(d, 1);
                    out.put(k, n);
                });
            } finally {
                lock.readLock().unlock();
            }
            return out;
        }

        /** The keys of the tallies this batch changes, in the order it first touched them (no copies made). */
        public java.util.Set<TallyKey> touched() {
            return java.util.Collections.unmodifiableSet(delta.keySet());
        }

        /** Makes the batch visible to readers; call after the store committed it. */
        public void publish() {
            lock.writeLock().lock();
            try {
                delta.forEach((k, d) -> live.computeIfAbsent(k, x -> {
                            Tally b = base.get(x);
                            return b != null ? b : new Tally(d.votes.length);
                        })
                        .add(d, 1));
            } finally {
                lock.writeLock().unlock();
            }
            delta.clear();
        }
    }
}
