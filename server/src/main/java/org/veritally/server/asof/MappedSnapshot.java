package org.veritally.server.asof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import org.veritally.core.model.Source;
import org.veritally.core.model.SourceKind;
import org.veritally.core.tabulate.Tabulation;
import org.veritally.core.tabulate.Tally;
import org.veritally.core.tabulate.TallyKey;
import org.veritally.server.state.CurrentSheetIndex;
import org.veritally.server.state.ReconciliationState;
import org.veritally.translog.CompactRange;

/**
 * A snapshot layer file read where it lies (issue 18; layers: issue 15): the file is mapped, its SHA-256
 * checked once when opened, and its tallies and copies are then found by binary search in the mapped arrays,
 * so restoring a state from it costs nothing per copy or tally: only what a replay after it changes is copied
 * into the state ({@link Tabulation#underlay}, {@link CurrentSheetIndex#underlay}). The layout is {@link
 * SnapshotCodec}'s (either version); this reads the same bytes without materialising them.
 *
 * <p>A layer of base B &gt; 0 holds only what changed since the state of size B; {@link #over} puts it over
 * that state (a stack of layers, {@link #layers}), and {@link #tallies}, {@link #copies}, {@link #sparse} and
 * {@link #reconciliation} then read the whole stack: a key is looked up in this layer, then in the ones below,
 * and the first found is the value. A layer whose keys lie outside the one sought is passed over without a
 * search (its first and last keys are kept).
 *
 * <p>Binary search needs the tallies ordered by (contest, view, unit) and the copies by key, which {@link
 * TakeSnapshot} does; a file of an earlier version whose copies are in hash order is still sound but not
 * {@link #inPlace}: the caller then decodes and materialises it ({@link SnapshotCodec#decode}).
 *
 * <p>Immutable and thread-safe (but for the flag {@link #markRootChecked}): only absolute reads of the mapped
 * buffer, which is never written.
 */
final class MappedSnapshot {
    private static final int HASH = 32;
    /** A copy's position in a stack: its index in its layer, and the layer's depth above this bit. */
    private static final int DEPTH_SHIFT = 26;

    private final ByteBuffer buf;
    private final long size;
    private final long base;
    private final CompactRange range;
    private final int units;
    private final int stations;
    private final List<Source> sources;
    private final long[] sparse;
    private final int tallyCount;
    private final int contestAt;
    private final int viewAt;
    private final int unitAt;
    private final int countsAt;
    private final int voteStartAt;
    private final int votesAt;
    private final int allCopies;
    private final int copyCount;
    private final int keyAt;
    private final int entryAt;
    private final int coreAt;
    private final int optionalAt;
    private final int slots;
    private final int changedSlots;
    private final int indexAt;
    private final int statusAt;
    private final int consensusAt;
    private final long agreed;
    private final long disputed;
    private final long[] singles;
    private final boolean ordered;
    private final MappedSnapshot under;
    private final int depth;
    private volatile boolean rootChecked;

    private MappedSnapshot(ByteBuffer buf, boolean v1) {
        this.buf = buf;
        ByteBuffer b = buf.duplicate().position(SnapshotCodec.MAGIC.length).limit(buf.capacity() - HASH);
        size = b.getLong();
        base = v1 ? 0 : b.getLong();
        if (base < 0 || base >= size)
            throw new SnapshotCodec.CorruptSnapshot("a layer of size " + size + " over " + base);
        List<byte[]> hashes = new ArrayList<>();
        for (int i = count(b, HASH); i > 0; i--) {
            byte[] h = new byte[HASH];
            b.get(h);
            hashes.add(h);
        }
        range = new CompactRange(size, hashes);
        units = b.getInt();
        stations = b.getInt();
        List<Source> srcs = new ArrayList<>();
        for (int i = count(b, 12); i > 0; i--) srcs.add(new Source(string(b), string(b), SourceKind.ofWire(string(b))));
        sources = List.copyOf(srcs);
        sparse = new long[count(b, 8)];
        b.asLongBuffer().get(sparse);
        skip(b, 8L * sparse.length);
        tallyCount = count(b, 64);
        contestAt = b.position();
        viewAt = contestAt + 4 * tallyCount;
        unitAt = viewAt + 4 * tallyCount;
        countsAt = unitAt + 4 * tallyCount;
        voteStartAt = countsAt + 48 * tallyCount;
        skip(b, 64L * tallyCount + 4);
        int votes = count(b, 8);
        votesAt = b.position();
        skip(b, 8L * votes);
        int all = v1 ? -1 : count(b, 0);
        copyCount = count(b, 32);
        allCopies = v1 ? copyCount : all;
        if (copyCount >= 1 << DEPTH_SHIFT)
            throw new SnapshotCodec.CorruptSnapshot("a layer of " + copyCount + " copies is too large to read");
        keyAt = b.position();
        entryAt = keyAt + 8 * copyCount;
        coreAt = entryAt + 8 * copyCount;
        optionalAt = coreAt + 8 * copyCount;
        skip(b, 32L * copyCount);
        slots = v1 ? count(b, 9) : count(b, 0);
        changedSlots = v1 ? slots : count(b, 13);
        indexAt = v1 ? -1 : b.position();
        skip(b, v1 ? 0 : 4L * changedSlots);
        statusAt = b.position();
        consensusAt = statusAt + changedSlots;
        skip(b, 9L * changedSlots);
        agreed = b.getLong();
        disputed = b.getLong();
        singles = new long[count(b, 8)];
        b.asLongBuffer().get(singles);
        skip(b, 8L * singles.length);
        if (b.hasRemaining())
            throw new SnapshotCodec.CorruptSnapshot(b.remaining() + " bytes after the reconciliation");
        for (int i = 0; i < tallyCount; i++) {
            int s = voteStart(i);
            if (s < 0 || s > voteStart(i + 1) || voteStart(i + 1) > votes)
                throw new SnapshotCodec.CorruptSnapshot("the votes of tally " + i + " are out of bounds");
        }
        for (int i = 0; i < changedSlots; i++) {
            int x = slotIndex(i);
            if (x < 0 || x >= slots || (i > 0 && x <= slotIndex(i - 1)))
                throw new SnapshotCodec.CorruptSnapshot("its reconciliation slot " + x + " is out of order or bounds");
        }
        ordered = ordered();
        under = null;
        depth = 0;
    }

    /** {@code top} over {@code under}: the same layer, reading through to the state below it. */
    private MappedSnapshot(MappedSnapshot top, MappedSnapshot under) {
        buf = top.buf;
        size = top.size;
        base = top.base;
        range = top.range;
        units = top.units;
        stations = top.stations;
        sources = top.sources;
        sparse = top.sparse;
        tallyCount = top.tallyCount;
        contestAt = top.contestAt;
        viewAt = top.viewAt;
        unitAt = top.unitAt;
        countsAt = top.countsAt;
        voteStartAt = top.voteStartAt;
        votesAt = top.votesAt;
        allCopies = top.allCopies;
        copyCount = top.copyCount;
        keyAt = top.keyAt;
        entryAt = top.entryAt;
        coreAt = top.coreAt;
        optionalAt = top.optionalAt;
        slots = top.slots;
        changedSlots = top.changedSlots;
        indexAt = top.indexAt;
        statusAt = top.statusAt;
        consensusAt = top.consensusAt;
        agreed = top.agreed;
        disputed = top.disputed;
        singles = top.singles;
        ordered = top.ordered;
        this.under = under;
        depth = under.depth + 1;
    }

    /**
     * Maps and checks the snapshot file {@code file}.
     *
     * @throws SnapshotCodec.CorruptSnapshot if its bytes are not what was written (its SHA-256, its layout), or
     *     it has gone
     */
    static MappedSnapshot open(Path file) {
        ByteBuffer mapped;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long n = ch.size();
            if (n < SnapshotCodec.MAGIC.length + HASH || n > Integer.MAX_VALUE)
                throw new SnapshotCodec.CorruptSnapshot("a snapshot of " + n + " bytes");
            mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, n);
        } catch (NoSuchFileException e) {
            throw new SnapshotCodec.CorruptSnapshot("its file " + file + " has gone");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map the snapshot " + file, e);
        }
        int body = mapped.capacity() - HASH;
        byte[] want = new byte[HASH];
        mapped.get(body, want);
        if (!MessageDigest.isEqual(want, sha256(mapped.duplicate().limit(body))))
            throw new SnapshotCodec.CorruptSnapshot("its SHA-256 is not that of its bytes");
        byte[] magic = new byte[SnapshotCodec.MAGIC.length];
        mapped.get(0, magic);
        boolean v1 = SnapshotCodec.version(magic) == 1;
        try {
            return new MappedSnapshot(mapped, v1);
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new SnapshotCodec.CorruptSnapshot("its layout does not hold: " + e);
        }
    }

    long size() {
        return size;
    }

    /** The size of the state this layer lies over; 0 for a whole state. */
    long base() {
        return base;
    }

    CompactRange range() {
        return range;
    }

    int units() {
        return units;
    }

    int stations() {
        return stations;
    }

    List<Source> sources() {
        return sources;
    }

    /**
     * This layer over the state of its base ({@code under}, itself a stack down to a whole state).
     *
     * @throws SnapshotCodec.CorruptSnapshot if {@code under} is not of this layer's base or holds more
     */
    MappedSnapshot over(MappedSnapshot under) {
        if (under.size != base)
            throw new SnapshotCodec.CorruptSnapshot(
                    "the layer of " + size + " lies over " + base + ", not " + under.size);
        if (under.units > units || under.stations > stations || under.slots > slots)
            throw new SnapshotCodec.CorruptSnapshot("the layer of " + size + " holds fewer units, stations or slots"
                    + " than the state of " + base + " below it");
        if (depth != 0) throw new IllegalStateException("the layer of " + size + " already lies over another");
        if (under.depth + 1 >= 1 << (31 - DEPTH_SHIFT))
            throw new SnapshotCodec.CorruptSnapshot("a stack of more than " + (1 << (31 - DEPTH_SHIFT)) + " layers");
        return new MappedSnapshot(this, under);
    }

    /** Whether this reads a whole state: a layer of base 0, or one put {@link #over} the state of its base. */
    boolean whole() {
        return base == 0 || under != null;
    }

    /** The layers of this stack, this one first, down to the one of base 0. */
    List<MappedSnapshot> layers() {
        List<MappedSnapshot> out = new ArrayList<>();
        for (MappedSnapshot m = this; m != null; m = m.under) out.add(m);
        return out;
    }

    /** The indices of the sparse entries of the whole state, in log order. */
    long[] sparse() {
        requireWhole();
        long[] below = under == null ? new long[0] : under.sparse();
        long[] out = Arrays.copyOf(below, below.length + sparse.length);
        System.arraycopy(sparse, 0, out, below.length, sparse.length);
        return out;
    }

    /** The indices of this layer's own sparse entries, those in [base, size). */
    long[] ownSparse() {
        return sparse.clone();
    }

    /** Whether the tallies and the copies of every layer are ordered, so that they can be read in place. */
    boolean inPlace() {
        return ordered && (under == null || under.inPlace());
    }

    /** Whether its root was found to be that of the store's tree of its size (a prefix never changes). */
    boolean rootChecked() {
        return rootChecked;
    }

    void markRootChecked() {
        rootChecked = true;
    }

    /** The reconciliation of the whole state, copied out of the files (the state writes its own arrays). */
    ReconciliationState.Image reconciliation() {
        requireWhole();
        byte[] status = new byte[slots];
        long[] consensus = new long[slots];
        Arrays.fill(consensus, -1);
        List<MappedSnapshot> stack = layers();
        for (int l = stack.size() - 1; l >= 0; l--) { // the whole state at the bottom first, then what changed
            MappedSnapshot m = stack.get(l);
            for (int i = 0; i < m.changedSlots; i++) {
                int x = m.slotIndex(i);
                status[x] = m.buf.get(m.statusAt + i);
                consensus[x] = m.buf.getLong(m.consensusAt + 8 * i);
            }
        }
        return new ReconciliationState.Image(status, consensus, agreed, disputed, singles.clone());
    }

    /** This layer's own reconciliation slots, copied out of the file. */
    Snapshot.Slots ownSlots() {
        int[] index = new int[changedSlots];
        for (int i = 0; i < changedSlots; i++) index[i] = slotIndex(i);
        byte[] status = new byte[changedSlots];
        buf.get(statusAt, status);
        long[] consensus = new long[changedSlots];
        buf.slice(consensusAt, 8 * changedSlots).asLongBuffer().get(consensus);
        return new Snapshot.Slots(slots, index, status, consensus, agreed, disputed, singles.clone());
    }

    /** The tallies of the whole state, read in place by binary search over (contest, view, unit), layer by layer. */
    Tabulation.Base tallies() {
        requireWhole();
        return new Tabulation.Base() {
            @Override
            public Tally get(TallyKey key) {
                for (MappedSnapshot m = MappedSnapshot.this; m != null; m = m.under) {
                    int i = m.findTally(key);
                    if (i >= 0) return m.tally(i);
                }
                return null;
            }

            @Override
            public void forEach(BiConsumer<TallyKey, Tally> each) {
                for (MappedSnapshot m = MappedSnapshot.this; m != null; m = m.under)
                    for (int i = 0; i < m.tallyCount; i++) {
                        TallyKey k = m.tallyKey(i);
                        if (!hidden(m, k)) each.accept(k, m.tally(i));
                    }
            }
        };
    }

    /** This layer's own tallies: fresh copies, in order. */
    void forEachOwnTally(BiConsumer<TallyKey, Tally> each) {
        for (int i = 0; i < tallyCount; i++) each.accept(tallyKey(i), tally(i));
    }

    /** The copies of the whole state, read in place by binary search over their keys, layer by layer. */
    CurrentSheetIndex.Base copies() {
        requireWhole();
        return new CurrentSheetIndex.Base() {
            @Override
            public int find(long key) {
                for (MappedSnapshot m = MappedSnapshot.this; m != null; m = m.under) {
                    int i = m.findCopy(key);
                    if (i >= 0) return (depth - m.depth) << DEPTH_SHIFT | i;
                }
                return -1;
            }

            @Override
            public int count() {
                return allCopies;
            }

            @Override
            public long key(int i) {
                return layer(i).copyKey(i & ((1 << DEPTH_SHIFT) - 1));
            }

            @Override
            public long entry(int i) {
                return layer(i).copyEntry(i & ((1 << DEPTH_SHIFT) - 1));
            }

            @Override
            public long core(int i) {
                return layer(i).copyCore(i & ((1 << DEPTH_SHIFT) - 1));
            }

            @Override
            public long optional(int i) {
                return layer(i).copyOptional(i & ((1 << DEPTH_SHIFT) - 1));
            }

            @Override
            public void forEach(CurrentSheetIndex.CopyVisitor v) {
                for (MappedSnapshot m = MappedSnapshot.this; m != null; m = m.under)
                    for (int i = 0; i < m.copyCount; i++) {
                        long k = m.copyKey(i);
                        if (!hidden(m, k)) v.copy(k, m.copyEntry(i), m.copyCore(i), m.copyOptional(i));
                    }
            }
        };
    }

    /** This layer's own copies, in key order. */
    void forEachOwnCopy(CurrentSheetIndex.CopyVisitor v) {
        for (int i = 0; i < copyCount; i++) v.copy(copyKey(i), copyEntry(i), copyCore(i), copyOptional(i));
    }

    private void requireWhole() {
        if (!whole()) throw new IllegalStateException("the layer of " + size + " is not over the state of " + base);
    }

    /** The layer {@code i}'s depth bits name, counted from this one. */
    private MappedSnapshot layer(int i) {
        MappedSnapshot m = this;
        for (int d = i >>> DEPTH_SHIFT; d > 0; d--) m = m.under;
        return m;
    }

    /** Whether a layer above {@code m} in this stack holds the copy {@code key} (which hides {@code m}'s). */
    private boolean hidden(MappedSnapshot m, long key) {
        for (MappedSnapshot x = this; x != m; x = x.under) if (x.findCopy(key) >= 0) return true;
        return false;
    }

    private boolean hidden(MappedSnapshot m, TallyKey key) {
        for (MappedSnapshot x = this; x != m; x = x.under) if (x.findTally(key) >= 0) return true;
        return false;
    }

    /** The position of the tally {@code key} in this layer alone, or -1. */
    private int findTally(TallyKey key) {
        if (tallyCount == 0
                || compare(0, key.contest(), key.source(), key.unit()) > 0
                || compare(tallyCount - 1, key.contest(), key.source(), key.unit()) < 0) return -1;
        int lo = 0;
        int hi = tallyCount - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(mid, key.contest(), key.source(), key.unit());
            if (c < 0) lo = mid + 1;
            else if (c > 0) hi = mid - 1;
            else return mid;
        }
        return -1;
    }

    /** The position of the copy {@code key} in this layer alone, or -1. */
    private int findCopy(long key) {
        if (copyCount == 0 || copyKey(0) > key || copyKey(copyCount - 1) < key) return -1;
        int lo = 0;
        int hi = copyCount - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long k = copyKey(mid);
            if (k < key) lo = mid + 1;
            else if (k > key) hi = mid - 1;
            else return mid;
        }
        return -1;
    }

    private TallyKey tallyKey(int i) {
        return new TallyKey(buf.getInt(contestAt + 4 * i), buf.getInt(viewAt + 4 * i), unit(i));
    }

    private long copyKey(int i) {
        return buf.getLong(keyAt + 8 * i);
    }

    private long copyEntry(int i) {
        return buf.getLong(entryAt + 8 * i);
    }

    private long copyCore(int i) {
        return buf.getLong(coreAt + 8 * i);
    }

    private long copyOptional(int i) {
        return buf.getLong(optionalAt + 8 * i);
    }

    private int slotIndex(int i) {
        return indexAt < 0 ? i : buf.getInt(indexAt + 4 * i);
    }

    private int unit(int i) {
        return buf.getInt(unitAt + 4 * i);
    }

    private int voteStart(int i) {
        return buf.getInt(voteStartAt + 4 * i);
    }

    private int compare(int i, int contest, int view, int unit) {
        int c = Integer.compare(buf.getInt(contestAt + 4 * i), contest);
        if (c != 0) return c;
        c = Integer.compare(buf.getInt(viewAt + 4 * i), view);
        return c != 0 ? c : Integer.compare(unit(i), unit);
    }

    private Tally tally(int i) {
        int o = countsAt + 48 * i;
        long[] votes = new long[voteStart(i + 1) - voteStart(i)];
        buf.slice(votesAt + 8 * voteStart(i), 8 * votes.length).asLongBuffer().get(votes);
        return Tally.of(
                buf.getLong(o),
                buf.getLong(o + 8),
                buf.getLong(o + 16),
                buf.getLong(o + 24),
                buf.getLong(o + 32),
                buf.getLong(o + 40),
                votes);
    }

    private boolean ordered() {
        for (int i = 1; i < tallyCount; i++)
            if (compare(i - 1, buf.getInt(contestAt + 4 * i), buf.getInt(viewAt + 4 * i), unit(i)) >= 0) return false;
        for (int i = 1; i < copyCount; i++) if (copyKey(i - 1) >= copyKey(i)) return false;
        return true;
    }

    private static int count(ByteBuffer b, int least) {
        int n = b.getInt();
        if (n < 0 || (long) n * least > b.remaining())
            throw new SnapshotCodec.CorruptSnapshot("a count of " + n + " is too large");
        return n;
    }

    private static void skip(ByteBuffer b, long n) {
        if (n > b.remaining()) throw new BufferUnderflowException();
        b.position(b.position() + (int) n);
    }

    private static String string(ByteBuffer b) {
        byte[] x = new byte[count(b, 1)];
        b.get(x);
        return new String(x, StandardCharsets.UTF_8);
    }

    private static byte[] sha256(ByteBuffer bytes) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(bytes);
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
