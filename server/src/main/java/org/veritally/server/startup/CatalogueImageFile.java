package org.veritally.server.startup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.veritally.core.model.Station;
import org.veritally.core.model.Unit;

/**
 * The file of a {@link CatalogueImage} ({@code DATA/snapshots/catalogue.img}): big-endian, closed by the SHA-256
 * of everything before it, written beside its name and moved into place so a reader never sees half of one.
 *
 * <pre>
 * "VTCAT001"  size:u64  root[32]
 * units: count:u32, (id, name: u32 length + UTF-8; level:u32; parent:i32, the index of an earlier unit or -1)×count
 * stations: count:u32, (id, name: u32 length + UTF-8; unit:u32, an index into the units; registered:u64)×count
 * sha256[32] of all the bytes before it
 * </pre>
 *
 * A unit's parent and a station's unit are indices, so the decoded records share their unit's id string
 * instead of each holding a copy. Stateless and thread-safe.
 */
public final class CatalogueImageFile {
    static final byte[] MAGIC = "VTCAT001".getBytes(StandardCharsets.US_ASCII);
    private static final int HASH = 32;

    private CatalogueImageFile() {}

    /** An image file whose bytes are not what {@link #encode} wrote: a wrong hash, magic or layout. */
    public static final class CorruptImage extends RuntimeException {
        CorruptImage(String message) {
            super(message);
        }
    }

    /**
     * Writes {@code image} to {@code file} (atomically, streamed: no copy of the file is held in memory) and returns
     * its length in bytes.
     */
    public static long write(Path file, CatalogueImage image) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                encode(image, out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the catalogue image " + file, e);
        }
    }

    /**
     * The image in {@code file}, or empty if there is none.
     *
     * @throws CorruptImage if its bytes are not what was written
     */
    public static Optional<CatalogueImage> read(Path file) {
        try {
            return Optional.of(decode(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalogue image " + file, e);
        }
    }

    public static byte[] encode(CatalogueImage image) {
        var out = new ByteArrayOutputStream(64 + 48 * image.stations().size());
        try {
            encode(image, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the image's bytes, its SHA-256 last, to {@code sink}. */
    private static void encode(CatalogueImage image, java.io.OutputStream sink) throws IOException {
        var digest = new java.security.DigestOutputStream(sink, sha256());
        var out = new java.io.DataOutputStream(digest);
        out.write(MAGIC);
        out.writeLong(image.size());
        out.write(image.root());
        var index = new java.util.HashMap<String, Integer>(image.units().size() * 2);
        out.writeInt(image.units().size());
        for (Unit u : image.units()) {
            putString(out, u.id());
            putString(out, u.name());
            out.writeInt(u.level());
            Integer parent = u.isRoot() ? Integer.valueOf(-1) : index.get(u.parentId());
            if (parent == null) throw new IllegalArgumentException("unit " + u.id() + " before its parent");
            out.writeInt(parent);
            index.put(u.id(), index.size());
        }
        out.writeInt(image.stations().size());
        for (Station s : image.stations()) {
            putString(out, s.id());
            putString(out, s.name());
            Integer unit = index.get(s.unitId());
            if (unit == null) throw new IllegalArgumentException("station " + s.id() + " of an unknown unit");
            out.writeInt(unit);
            out.writeLong(s.registeredVoters());
        }
        out.flush();
        sink.write(digest.getMessageDigest().digest());
    }

    /**
     * Decodes and checks an image file's bytes.
     *
     * @throws CorruptImage if the trailing SHA-256 is not that of the bytes, or the layout does not hold
     */
    public static CatalogueImage decode(byte[] bytes) {
        if (bytes.length < MAGIC.length + 8 + 2 * HASH)
            throw new CorruptImage("an image of " + bytes.length + " bytes");
        byte[] want = Arrays.copyOfRange(bytes, bytes.length - HASH, bytes.length);
        if (!MessageDigest.isEqual(want, sha256(bytes, bytes.length - HASH)))
            throw new CorruptImage("its SHA-256 is not that of its bytes");
        if (!Arrays.equals(MAGIC, Arrays.copyOf(bytes, MAGIC.length)))
            throw new CorruptImage("it does not begin with " + new String(MAGIC, StandardCharsets.US_ASCII));
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes, MAGIC.length, bytes.length - MAGIC.length - HASH);
            long size = b.getLong();
            byte[] root = new byte[HASH];
            b.get(root);
            int nu = count(b, 16);
            List<Unit> units = new ArrayList<>(nu);
            for (int i = 0; i < nu; i++) {
                String id = string(b);
                String name = string(b);
                int level = b.getInt();
                int parent = b.getInt();
                if (parent < -1 || parent >= i) throw new CorruptImage("unit " + id + " names parent " + parent);
                units.add(new Unit(
                        id, name, level, parent < 0 ? "" : units.get(parent).id()));
            }
            int ns = count(b, 20);
            List<Station> stations = new ArrayList<>(ns);
            for (int i = 0; i < ns; i++) {
                String id = string(b);
                String name = string(b);
                int unit = b.getInt();
                if (unit < 0 || unit >= nu) throw new CorruptImage("station " + id + " names unit " + unit);
                stations.add(new Station(id, name, units.get(unit).id(), b.getLong()));
            }
            if (b.hasRemaining()) throw new CorruptImage(b.remaining() + " bytes after the stations");
            return new CatalogueImage(size, root, units, stations);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new CorruptImage("its layout does not hold: " + e);
        }
    }

    private static void putString(java.io.DataOutputStream out, String s) throws IOException {
        byte[] x = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(x.length);
        out.write(x);
    }

    private static int count(ByteBuffer b, int least) {
        int n = b.getInt();
        if (n < 0 || (long) n * least > b.remaining()) throw new CorruptImage("a count of " + n + " is too large");
        return n;
    }

    private static String string(ByteBuffer b) {
        int n = count(b, 1);
        String s = new String(b.array(), b.arrayOffset() + b.position(), n, StandardCharsets.UTF_8);
        b.position(b.position() + n);
        return s;
    }

    private static byte[] sha256(byte[] bytes, int length) {
        MessageDigest d = sha256();
        d.update(bytes, 0, length);
        return d.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
