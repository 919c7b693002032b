package org.veritally.server.asof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The snapshot files of a data directory ({@code snapshots/}, one {@code <size>.snap} per layer, the size
 * zero-padded to 20 digits so names sort as sizes; a layer names its base in its header, {@link #base}). A file
 * is written beside its name and moved into place, so a reader never opens half a snapshot; one that is read
 * and found corrupt is renamed {@code .corrupt} and forgotten (docs/operations.md). Thread-safe: the set of
 * sizes and their bases are guarded by this object's monitor.
 */
public final class SnapshotShelf {
    private static final Pattern NAME = Pattern.compile("(\\d{20})\\.snap");
    private final Path dir;
    private final TreeSet<Long> sizes = new TreeSet<>();
    private final java.util.Map<Long, Long> bases = new java.util.HashMap<>();

    /** The shelf in {@code dir}, created on the first write; its existing snapshots are listed now. */
    public SnapshotShelf(Path dir) {
        this.dir = dir;
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                files.forEach(f -> {
                    var m = NAME.matcher(f.getFileName().toString());
                    if (m.matches()) sizes.add(Long.parseLong(m.group(1)));
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the snapshots in " + dir, e);
            }
        }
    }

    public Path dir() {
        return dir;
    }

    Path file(long size) {
        return dir.resolve(String.format("%020d.snap", size));
    }

    /** The largest size of a snapshot at most {@code n}, if any. */
    public synchronized Optional<Long> floor(long n) {
        return Optional.ofNullable(sizes.floor(n));
    }

    public synchronized boolean has(long size) {
        return sizes.contains(size);
    }

    /** The sizes of every snapshot kept, ascending. */
    public synchronized java.util.List<Long> sizes() {
        return java.util.List.copyOf(sizes);
    }

    /**
     * The base its header names for the layer of {@code size} (0 for a whole state or a file of the first
     * version), read without checking the file; empty when there is no such layer or its header cannot be read
     * (the check on opening it says why).
     */
    public Optional<Long> base(long size) {
        synchronized (this) {
            if (!sizes.contains(size)) return Optional.empty();
            Long known = bases.get(size);
            if (known != null) return Optional.of(known);
        }
        byte[] head = new byte[SnapshotCodec.MAGIC.length + 16];
        try (var in = Files.newInputStream(file(size))) {
            if (in.readNBytes(head, 0, head.length) < head.length) return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
        long base;
        try {
            base = SnapshotCodec.version(head) == 1
                    ? 0
                    : java.nio.ByteBuffer.wrap(head, SnapshotCodec.MAGIC.length + 8, 8)
                            .getLong();
        } catch (SnapshotCodec.CorruptSnapshot e) {
            return Optional.empty();
        }
        synchronized (this) {
            bases.put(size, base);
        }
        return Optional.of(base);
    }

    /** Writes {@code s}'s file and returns its length in bytes. */
    public long write(Snapshot s) {
        byte[] bytes = SnapshotCodec.encode(s);
        Path target = file(s.size());
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(target.getFileName() + ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the snapshot " + target, e);
        }
        synchronized (this) {
            sizes.add(s.size());
            bases.put(s.size(), s.base());
        }
        return bytes.length;
    }

    /**
     * Reads and checks the snapshot of {@code size}.
     *
     * @throws SnapshotCodec.CorruptSnapshot if its bytes are not what was written, or it has gone
     */
    public Snapshot read(long size) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file(size));
        } catch (NoSuchFileException e) {
            throw new SnapshotCodec.CorruptSnapshot("its file " + file(size) + " has gone");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the snapshot " + file(size), e);
        }
        Snapshot s = SnapshotCodec.decode(bytes);
        if (s.size() != size) throw new SnapshotCodec.CorruptSnapshot("it holds size " + s.size() + ", not " + size);
        return s;
    }

    /** Sets a corrupt snapshot aside ({@code .corrupt}) so it is neither used nor overwritten unseen. */
    public void quarantine(long size) {
        synchronized (this) {
            sizes.remove(size);
            bases.remove(size);
        }
        Path f = file(size);
        // an earlier corrupt file of the same size is kept (it is evidence): the next free name is taken
        for (int n = 0; Files.exists(f); n++) {
            Path aside = f.resolveSibling(f.getFileName() + ".corrupt" + (n == 0 ? "" : "." + n));
            try {
                Files.move(f, aside);
            } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.NoSuchFileException e) {
                // that name is taken (try the next), or the file is gone already (the loop ends)
            } catch (IOException e) {
                throw new UncheckedIOException("cannot set the corrupt snapshot " + f + " aside", e);
            }
        }
    }
}
