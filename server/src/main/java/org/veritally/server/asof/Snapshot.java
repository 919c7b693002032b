package org.veritally.server.asof;

import java.util.Arrays;
import java.util.List;
import org.veritally.core.model.Source;
import org.veritally.server.state.ReconciliationState;
import org.veritally.translog.CompactRange;

/**
 * One layer of the election's state as of log size {@code size} (issue 18; layers: issue 15): what changed
 * between the state of size {@code base} and the state of size {@code size}, with its values at {@code size}.
 * A layer of base 0 holds the whole state (a full snapshot). The state of a size is its layer over the state
 * of the layer's base, down to a layer of base 0 ({@link Snapshots}; docs/architecture.md, "Snapshots in
 * layers"). {@link RestoreSnapshot} turns that stack into an {@link org.veritally.server.state.ElectionState},
 * from which a replay of the entries after it through the rulebook reaches any later size.
 *
 * <ul>
 *   <li>{@code range}: the tree's right edge at {@code size}; its root binds the layer to the log's checkpoint
 *       of that size and is checked against the store's tree on load;
 *   <li>{@code units}, {@code stations}: how many of the catalogue's units and stations existed at {@code size}
 *       (the catalogue only grows, in log order, so it is the live catalogue's prefix of these lengths);
 *   <li>{@code sources}: the declared sources at {@code size}, in order;
 *   <li>{@code sparse}: the indices in [{@code base}, {@code size}) of the few entries whose effects are not
 *       bulky (announcements, evidence, keys, audits, transcription work; {@code ElectionState.sparse}), read
 *       again from the log on load;
 *   <li>the totals per unit × contest × view changed since {@code base}, as parallel arrays ({@link Totals});
 *   <li>the copies of a station × contest × source put since {@code base} ({@link Copies}), and how many copies
 *       the whole state of {@code size} holds ({@code allCopies});
 *   <li>the reconciliation slots whose value differs from the state of {@code base} ({@link Slots}).
 * </ul>
 *
 * Immutable by convention: the arrays are never written after construction.
 */
public record Snapshot(
        long size,
        long base,
        CompactRange range,
        int units,
        int stations,
        List<Source> sources,
        long[] sparse,
        Totals totals,
        Copies copies,
        int allCopies,
        Slots slots) {

    public Snapshot {
        if (range.size() != size) throw new IllegalArgumentException("range of size " + range.size() + " at " + size);
        if (base < 0 || base >= size) throw new IllegalArgumentException("a layer of size " + size + " over " + base);
        sources = List.copyOf(sources);
    }

    /** A whole state (base 0) whose reconciliation is given as every slot ({@code image}). */
    public static Snapshot whole(
            long size,
            CompactRange range,
            int units,
            int stations,
            List<Source> sources,
            long[] sparse,
            Totals totals,
            Copies copies,
            ReconciliationState.Image image) {
        return new Snapshot(
                size, 0, range, units, stations, sources, sparse, totals, copies, copies.count(), Slots.of(image));
    }

    /**
     * The reconciliation of a whole state (base 0): every slot, those not in {@link #slots} empty.
     *
     * @throws IllegalStateException if this layer lies over another
     */
    public ReconciliationState.Image reconciliation() {
        if (base != 0) throw new IllegalStateException("the layer of size " + size + " lies over " + base);
        return slots.over(Slots.empty(slots.slots()));
    }

    /**
     * The tallies: tally {@code i} is unit {@code unit[i]} × contest {@code contest[i]} × view {@code view[i]},
     * with {@code counts[6i..6i+5]} = stations, registered, ballots, valid, null, blank, and its votes at
     * {@code votes[voteStart[i]..voteStart[i+1])}.
     */
    public record Totals(int[] contest, int[] view, int[] unit, long[] counts, int[] voteStart, long[] votes) {
        public int count() {
            return contest.length;
        }
    }

    /** The copies: copy {@code i} is {@code key[i]} held by entry {@code entry[i]} with that digest. */
    public record Copies(long[] key, long[] entry, long[] core, long[] optional) {
        public int count() {
            return key.length;
        }
    }

    /**
     * Reconciliation slots (station × contest): slot {@code index[i]} has {@code status[i]} and {@code
     * consensus[i]}, in ascending order of index; the state has {@code slots} slots in all, and its counters.
     */
    public record Slots(
            int slots,
            int[] index,
            byte[] status,
            long[] consensus,
            long agreed,
            long disputed,
            long[] singleBySource) {

        /** Every slot of {@code image} that is not empty (status 0, no consensus). */
        static Slots of(ReconciliationState.Image image) {
            return changed(image, empty(image.status().length));
        }

        /** The slots of {@code now} that differ from {@code before} (which may have fewer slots). */
        static Slots changed(ReconciliationState.Image now, ReconciliationState.Image before) {
            int n = now.status().length;
            int m = before.status().length;
            int c = 0;
            int[] index = new int[16];
            for (int i = 0; i < n; i++) {
                byte bs = i < m ? before.status()[i] : 0;
                long bc = i < m ? before.consensus()[i] : -1;
                if (now.status()[i] == bs && now.consensus()[i] == bc) continue;
                if (c == index.length) index = Arrays.copyOf(index, 2 * c);
                index[c++] = i;
            }
            index = Arrays.copyOf(index, c);
            byte[] status = new byte[c];
            long[] consensus = new long[c];
            for (int k = 0; k < c; k++) {
                status[k] = now.status()[index[k]];
                consensus[k] = now.consensus()[index[k]];
            }
            return new Slots(n, index, status, consensus, now.agreed(), now.disputed(), now.singleBySource());
        }

        /** {@code slots} empty slots (status 0, consensus -1) and no counts. */
        static ReconciliationState.Image empty(int slots) {
            long[] consensus = new long[slots];
            Arrays.fill(consensus, -1);
            return new ReconciliationState.Image(new byte[slots], consensus, 0, 0, new long[0]);
        }

        public int count() {
            return index.length;
        }

        /** These slots put over {@code below} (a fresh image; {@code below} is not written). */
        ReconciliationState.Image over(ReconciliationState.Image below) {
            byte[] status = Arrays.copyOf(below.status(), slots);
            long[] consensus = Arrays.copyOf(below.consensus(), slots);
            if (slots > below.consensus().length) Arrays.fill(consensus, below.consensus().length, slots, -1);
            for (int k = 0; k < index.length; k++) {
                status[index[k]] = this.status[k];
                consensus[index[k]] = this.consensus[k];
            }
            return new ReconciliationState.Image(status, consensus, agreed, disputed, singleBySource.clone());
        }
    }
}
