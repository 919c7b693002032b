package org.veritally.server.asof;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.veritally.core.model.Source;
import org.veritally.core.model.SourceKind;
import org.veritally.translog.CompactRange;

/**
 * The bytes of a {@link Snapshot} layer file (docs/architecture.md, "Snapshots in layers"): a fixed-width,
 * big-endian layout of primitive arrays, so a load is a few bulk copies, closed by the SHA-256 of everything
 * before it.
 *
 * <pre>
 * "VTSNAP02"  size:u64  base:u64  range: count:u32, hash[32]×count
 * units:u32  stations:u32  sources: count:u32, (id, name, kind as u32 length + UTF-8)×count
 * sparse: count:u32, u64×count                       (the sparse entries in [base, size))
 * totals: count:u32, contest:u32×n, view:u32×n, unit:u32×n, counts:u64×6n, voteStart:u32×(n+1), votes:u64×…
 * copies: all:u32, count:u32, key:u64×n, entry:u64×n, core:u64×n, optional:u64×n
 * reconciliation: slots:u32, count:u32, index:u32×c, status:u8×c, consensus:u64×c, agreed:u64, disputed:u64,
 *                 singles: count:u32, u64×count
 * sha256[32] of all the bytes before it
 * </pre>
 *
 * A file of the first version ({@code "VTSNAP01"}: no base, the copies without {@code all}, every reconciliation
 * slot as {@code slots:u32, status:u8×slots, consensus:u64×slots}) is still read, as a layer of base 0.
 *
 * <p>Stateless and thread-safe.
 */
public final class SnapshotCodec {
    static final byte[] MAGIC = "VTSNAP02".getBytes(StandardCharsets.US_ASCII);
    static final byte[] MAGIC_V1 = "VTSNAP01".getBytes(StandardCharsets.US_ASCII);
    private static final int HASH = 32;

    private SnapshotCodec() {}

    /**
     * A snapshot file whose bytes are not what {@link #encode} wrote (a wrong hash, magic or length), that has
     * gone, or that does not fit the log; {@link #size} is the size of the layer at fault when it is known
     * (a layer below the one asked for), else -1.
     */
    public static final class CorruptSnapshot extends RuntimeException {
        private final long size;

        CorruptSnapshot(String message) {
            this(message, -1);
        }

        CorruptSnapshot(String message, long size) {
            super(message);
            this.size = size;
        }

        /** The size of the layer at fault, or -1 when it is the one being read. */
        public long size() {
            return size;
        }

        /** This failure, blamed on the layer of {@code layer} unless a layer below was blamed already. */
        CorruptSnapshot at(long layer) {
            return size >= 0 ? this : new CorruptSnapshot(getMessage(), layer);
        }
    }

    public static byte[] encode(Snapshot s) {
        var t = s.totals();
        var c = s.copies();
        var r = s.slots();
        List<byte[][]> sources = new ArrayList<>();
        long strings = 0;
        for (Source src : s.sources()) {
            byte[][] f = {utf8(src.id()), utf8(src.name()), utf8(src.kind().wire())};
            sources.add(f);
            strings += 12 + f[0].length + f[1].length + f[2].length;
        }
        long n = MAGIC.length + 16 + 4 + (long) HASH * s.range().hashes().size() + 8 + 4 + strings;
        n += 4 + 8L * s.sparse().length;
        n += 4 + 12L * t.count() + 48L * t.count() + 4L * (t.count() + 1) + 4 + 8L * t.votes().length;
        n += 8 + 32L * c.count();
        n += 8 + 13L * r.count() + 16 + 4 + 8L * r.singleBySource().length + HASH;
        if (n > Integer.MAX_VALUE - 8) throw new IllegalStateException("a snapshot of " + n + " bytes is too large");
        ByteBuffer b = ByteBuffer.allocate((int) n);
        b.put(MAGIC).putLong(s.size()).putLong(s.base());
        b.putInt(s.range().hashes().size());
        s.range().hashes().forEach(b::put);
        b.putInt(s.units()).putInt(s.stations());
        b.putInt(sources.size());
        for (byte[][] f : sources) for (byte[] x : f) b.putInt(x.length).put(x);
        b.putInt(s.sparse().length);
        b.asLongBuffer().put(s.sparse());
        b.position(b.position() + 8 * s.sparse().length);
        b.putInt(t.count());
        putInts(b, t.contest());
        putInts(b, t.view());
        putInts(b, t.unit());
        putLongs(b, t.counts());
        putInts(b, t.voteStart());
        b.putInt(t.votes().length);
        putLongs(b, t.votes());
        b.putInt(s.allCopies()).putInt(c.count());
        putLongs(b, c.key());
        putLongs(b, c.entry());
        putLongs(b, c.core());
        putLongs(b, c.optional());
        b.putInt(r.slots()).putInt(r.count());
        putInts(b, r.index());
        b.put(r.status());
        putLongs(b, r.consensus());
        b.putLong(r.agreed()).putLong(r.disputed());
        b.putInt(r.singleBySource().length);
        putLongs(b, r.singleBySource());
        b.put(sha256(b.array(), b.position()));
        if (b.hasRemaining()) throw new IllegalStateException("snapshot length miscounted by " + b.remaining());
        return b.array();
    }

    /**
     * Decodes and checks a snapshot file's bytes.
     *
     * @throws CorruptSnapshot if the trailing SHA-256 is not that of the bytes, or the layout does not hold
     */
    public static Snapshot decode(byte[] bytes) {
        if (bytes.length < MAGIC.length + HASH) throw new CorruptSnapshot("a snapshot of " + bytes.length + " bytes");
        byte[] want = Arrays.copyOfRange(bytes, bytes.length - HASH, bytes.length);
        if (!MessageDigest.isEqual(want, sha256(bytes, bytes.length - HASH)))
            throw new CorruptSnapshot("its SHA-256 is not that of its bytes");
        boolean v1 = version(bytes) == 1;
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes, MAGIC.length, bytes.length - MAGIC.length - HASH);
            long size = b.getLong();
            long base = v1 ? 0 : b.getLong();
            if (base < 0 || base >= size) throw new CorruptSnapshot("a layer of size " + size + " over " + base);
            List<byte[]> hashes = new ArrayList<>();
            for (int i = count(b, HASH); i > 0; i--) {
                byte[] h = new byte[HASH];
                b.get(h);
                hashes.add(h);
            }
            int units = b.getInt();
            int stations = b.getInt();
            List<Source> sources = new ArrayList<>();
            for (int i = count(b, 12); i > 0; i--)
                sources.add(new Source(string(b), string(b), SourceKind.ofWire(string(b))));
            long[] sparse = longs(b, count(b, 8));
            int nt = count(b, 64);
            int[] contest = ints(b, nt);
            int[] view = ints(b, nt);
            int[] unit = ints(b, nt);
            long[] counts = longs(b, 6 * nt);
            int[] voteStart = ints(b, nt + 1);
            long[] votes = longs(b, count(b, 8));
            int all = v1 ? -1 : count(b, 0);
            int nc = count(b, 32);
            var copies = new Snapshot.Copies(longs(b, nc), longs(b, nc), longs(b, nc), longs(b, nc));
            int slots = v1 ? count(b, 9) : count(b, 0);
            int changed = v1 ? slots : count(b, 13);
            int[] index = v1 ? java.util.stream.IntStream.range(0, slots).toArray() : ints(b, changed);
            byte[] status = new byte[changed];
            b.get(status);
            long[] consensus = longs(b, changed);
            long agreed = b.getLong();
            long disputed = b.getLong();
            long[] singles = longs(b, count(b, 8));
            if (b.hasRemaining()) throw new CorruptSnapshot(b.remaining() + " bytes after the reconciliation");
            for (int i = 0; i < changed; i++)
                if (index[i] < 0 || index[i] >= slots || (i > 0 && index[i] <= index[i - 1]))
                    throw new CorruptSnapshot("its reconciliation slot " + index[i] + " is out of order or bounds");
            return new Snapshot(
                    size,
                    base,
                    new CompactRange(size, hashes),
                    units,
                    stations,
                    sources,
                    sparse,
                    new Snapshot.Totals(contest, view, unit, counts, voteStart, votes),
                    copies,
                    v1 ? nc : all,
                    new Snapshot.Slots(slots, index, status, consensus, agreed, disputed, singles));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new CorruptSnapshot("its layout does not hold: " + e);
        }
    }

    /**
     * The version of a layer file from its first bytes: 1 ({@code VTSNAP01}, a whole state) or 2.
     *
     * @throws CorruptSnapshot if it begins with neither
     */
    static int version(byte[] head) {
        byte[] magic = Arrays.copyOf(head, MAGIC.length);
        if (Arrays.equals(MAGIC, magic)) return 2;
        if (Arrays.equals(MAGIC_V1, magic)) return 1;
        throw new CorruptSnapshot("it does not begin with " + new String(MAGIC, StandardCharsets.US_ASCII) + " or "
                + new String(MAGIC_V1, StandardCharsets.US_ASCII));
    }

    private static int count(ByteBuffer b, int least) {
        int n = b.getInt();
        if (n < 0 || (long) n * Math.max(least, 0) > b.remaining())
            throw new CorruptSnapshot("a count of " + n + " is too large");
        return n;
    }

    private static String string(ByteBuffer b) {
        byte[] x = new byte[count(b, 1)];
        b.get(x);
        return new String(x, StandardCharsets.UTF_8);
    }

    private static long[] longs(ByteBuffer b, int n) {
        long[] out = new long[n];
        b.asLongBuffer().get(out);
        b.position(b.position() + 8 * n);
        return out;
    }

    private static int[] ints(ByteBuffer b, int n) {
        int[] out = new int[n];
        b.asIntBuffer().get(out);
        b.position(b.position() + 4 * n);
        return out;
    }

    private static void putLongs(ByteBuffer b, long[] v) {
        b.asLongBuffer().put(v);
        b.position(b.position() + 8 * v.length);
    }

    private static void putInts(ByteBuffer b, int[] v) {
        b.asIntBuffer().put(v);
        b.position(b.position() + 4 * v.length);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] bytes, int length) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(bytes, 0, length);
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
