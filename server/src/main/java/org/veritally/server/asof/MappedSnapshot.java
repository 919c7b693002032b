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
 * A snapshot file read where it lies (issue 18): the file is mapped, its SHA-256 checked once when opened, and
 * its tallies and copies are then found by binary search in the mapped arrays ({@link #tallies}, {@link
 * #copies}), so restoring a state from it costs nothing per copy or tally: only what a replay after it changes
 * is copied into the state ({@link Tabulation#underlay}, {@link CurrentSheetIndex#underlay}). The layout is
 * {@link SnapshotCodec}'s; this reads the same bytes without materialising them.
 *
 * <p>Binary search needs the tallies ordered by (contest, view, unit) and the copies by key, which {@link
 * TakeSnapshot} does; a file of an earlier version whose copies are in hash order is still sound but not
 * {@link #inPlace}: the caller then decodes and materialises it ({@link SnapshotCodec#decode}).
 *
 * <p>Immutable and thread-safe: only absolute reads of the mapped buffer, which is never written.
 */
final class MappedSnapshot {
    private static final int HASH = 32;
    private final ByteBuffer buf;
    private final long size;
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
    private final int copyCount;
    private final int keyAt;
    private final int entryAt;
    private final int coreAt;
    private final int optionalAt;
    private final int slots;
    private final int statusAt;
    private final int consensusAt;
    private final long agreed;
    private final long disputed;
    private final long[] singles;
    private final boolean inPlace;
    private volatile boolean rootChecked;

    private MappedSnapshot(ByteBuffer buf) {
        this.buf = buf;
        ByteBuffer b = buf.duplicate().position(SnapshotCodec.MAGIC.length).limit(buf.capacity() - HASH);
        size = b.getLong();
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
        copyCount = count(b, 32);
        keyAt = b.position();
        entryAt = keyAt + 8 * copyCount;
        coreAt = entryAt + 8 * copyCount;
        optionalAt = coreAt + 8 * copyCount;
        skip(b, 32L * copyCount);
        slots = count(b, 9);
        statusAt = b.position();
        consensusAt = statusAt + slots;
        skip(b, 9L * slots);
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
        inPlace = ordered();
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
        if (!Arrays.equals(magic, SnapshotCodec.MAGIC))
            throw new SnapshotCodec.CorruptSnapshot(
                    "it does not begin with " + new String(SnapshotCodec.MAGIC, StandardCharsets.US_ASCII));
        try {
            return new MappedSnapshot(mapped);
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new SnapshotCodec.CorruptSnapshot("its layout does not hold: " + e);
        }
    }

    long size() {
        return size;
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

    long[] sparse() {
        return sparse.clone();
    }

    /** Whether the tallies and the copies are ordered, so that they can be read in place. */
    boolean inPlace() {
        return inPlace;
    }

    /** Whether its root was found to be that of the store's tree of its size (a prefix never changes). */
    boolean rootChecked() {
        return rootChecked;
    }

    void markRootChecked() {
        rootChecked = true;
    }

    /** The reconciliation, copied out of the file (the state writes its own arrays). */
    ReconciliationState.Image reconciliation() {
        byte[] status = new byte[slots];
        buf.get(statusAt, status);
        long[] consensus = new long[slots];
        buf.slice(consensusAt, 8 * slots).asLongBuffer().get(consensus);
        return new ReconciliationState.Image(status, consensus, agreed, disputed, singles.clone());
    }

    /** The tallies, read in place by binary search over (contest, view, unit). */
    Tabulation.Base tallies() {
        return new Tabulation.Base() {
            @Override
            public Tally get(TallyKey key) {
                int lo = 0;
                int hi = tallyCount - 1;
                while (lo <= hi) {
                    int mid = (lo + hi) >>> 1;
                    int c = compare(mid, key.contest(), key.source(), key.unit());
                    if (c < 0) lo = mid + 1;
                    else if (c > 0) hi = mid - 1;
                    else return tally(mid);
                }
                return null;
            }

            @Override
            public void forEach(BiConsumer<TallyKey, Tally> each) {
                for (int i = 0; i < tallyCount; i++)
                    each.accept(
                            new TallyKey(buf.getInt(contestAt + 4 * i), buf.getInt(viewAt + 4 * i), unit(i)), tally(i));
            }
        };
    }

    /** The copies, read in place by binary search over their keys. */
    CurrentSheetIndex.Base copies() {
        return new CurrentSheetIndex.Base() {
            @Override
            public int find(long key) {
                int lo = 0;
                int hi = copyCount - 1;
                while (lo <= hi) {
                    int mid = (lo + hi) >>> 1;
                    long k = key(mid);
                    if (k < key) lo = mid + 1;
                    else if (k > key) hi = mid - 1;
                    else return mid;
                }
                return -1;
            }

            @Override
            public int count() {
                return copyCount;
            }

            @Override
            public long key(int i) {
                return buf.getLong(keyAt + 8 * i);
            }

            @Override
            public long entry(int i) {
                return buf.getLong(entryAt + 8 * i);
            }

            @Override
            public long core(int i) {
                return buf.getLong(coreAt + 8 * i);
            }

            @Override
            public long optional(int i) {
                return buf.getLong(optionalAt + 8 * i);
            }
        };
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
        for (int i = 1; i < copyCount; i++)
            if (buf.getLong(keyAt + 8 * (i - 1)) >= buf.getLong(keyAt + 8 * i)) return false;
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
