package org.veritally.web.mirror;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The files of one publish of a static mirror, with their SHA-256: what goes into {@code
 * manifest.json}. A file whose bytes hash as the previous manifest says, and which is still on disk,
 * is not written again. A changed file is overwritten in place, not written beside and renamed: on a
 * file system that discards freed blocks (ext4 mounted {@code discard}) replacing a file costs about
 * 1 ms, 70 times an overwrite, and a publish rewrites thousands. So a reader may meet a page half
 * written during a publish; the mirror is consistent once the publish has written {@code
 * manifest.json} and {@code checkpoint}, which are renamed into place. Thread-safe.
 */
final class MirrorFiles {
    private final Path root;
    private final java.util.Set<Path> dirs = ConcurrentHashMap.newKeySet();
    private final Map<String, String> previous;
    private final Map<String, String> now = new ConcurrentHashMap<>();
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger unchanged = new AtomicInteger();

    /** Files under {@code root}; {@code previous} maps path to hex SHA-256 as the last manifest listed them. */
    MirrorFiles(Path root, Map<String, String> previous) {
        this.root = root;
        this.previous = previous;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /**
     * The path, checked to stay inside the mirror: ids may be {@code .} or {@code ..} (the core allows
     * dots), which must not become folders.
     */
    static String safe(String path) {
        int from = 0;
        while (true) {
            int slash = path.indexOf('/', from);
            String seg = path.substring(from, slash < 0 ? path.length() : slash);
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
                throw new IllegalArgumentException(
                        "an id makes the file name '" + path + "', which a static mirror cannot hold");
            }
            if (slash < 0) return path;
            from = slash + 1;
        }
    }

    /** Writes {@code bytes} at {@code path} unless the file already holds them. */
    void put(String path, byte[] bytes) {
        safe(path);
        String hash = hex(sha256().digest(bytes));
        now.put(path, hash);
        Path file = root.resolve(path);
        if (hash.equals(previous.get(path)) && Files.isRegularFile(file)) {
            unchanged.incrementAndGet();
            return;
        }
        try {
            directory(file.getParent());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.truncate(bytes.length);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        written.incrementAndGet();
    }

    private void directory(Path dir) throws IOException {
        if (dirs.contains(dir)) return;
        Files.createDirectories(dir);
        dirs.add(dir);
    }

    /** A body that writes a file's bytes to a stream. */
    interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Streams a (large) file to {@code path} in place, hashing it on the way. Returns its size. */
    long stream(String path, Body body) {
        safe(path);
        Path file = root.resolve(path);
        try {
            directory(file.getParent());
            MessageDigest md = sha256();
            long size;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE)) {
                CountingStream counted =
                        new CountingStream(new java.io.BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16));
                try (OutputStream out = new DigestOutputStream(counted, md)) {
                    body.write(out);
                    out.flush();
                    size = counted.count;
                    ch.truncate(size);
                }
            }
            String hash = hex(md.digest());
            now.put(path, hash);
            if (hash.equals(previous.get(path))) unchanged.incrementAndGet();
            else written.incrementAndGet();
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Counts the bytes written through it. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** Records a file that something else wrote (the log's tiles), by its SHA-256. */
    void record(String path, byte[] sha256) {
        now.put(path, hex(sha256));
    }

    /**
     * Keeps a file that this publish does not rewrite: its hash from the previous manifest, or, when
     * that has none, hashed from disk. Empty when the file is not there at all.
     */
    Optional<String> keep(String path) {
        String h = previous.get(path);
        if (h == null) {
            Path file = root.resolve(path);
            if (!Files.isRegularFile(file)) return Optional.empty();
            try {
                h = hex(sha256().digest(Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        now.put(path, h);
        return Optional.of(h);
    }

    boolean has(String path) {
        return now.containsKey(path);
    }

    /** The files of this publish so far: path to hex SHA-256. */
    Map<String, String> hashes() {
        return now;
    }

    int written() {
        return written.get();
    }

    int unchanged() {
        return unchanged.get();
    }
}
