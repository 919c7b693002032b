package org.veritally.verify.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.veritally.verify.LogUnavailableException;
import org.veritally.verify.PublishedLog;

/**
 * A published log in a directory: the output of {@code publish}, or a mirror of it. Paths are
 * resolved below the directory. Stateless and thread-safe.
 */
public final class DirectoryLog implements PublishedLog {

    private final Path root;

    /**
     * The log published in {@code root}.
     *
     * @throws IllegalArgumentException if {@code root} is not a directory
     */
    public DirectoryLog(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("no such directory: " + root);
        }
        this.root = root;
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public Optional<byte[]> read(String path) {
        Path file = root.resolve(path);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new LogUnavailableException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Streams the file through SHA-256 with a 64 KiB buffer. */
    @Override
    public Optional<Digest> digest(String path) {
        Path file = root.resolve(path);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            long size = 0;
            for (int n; (n = ch.read(buf)) >= 0; ) {
                buf.flip();
                md.update(buf);
                buf.clear();
                size += n;
            }
            return Optional.of(new Digest(size, HexFormat.of().formatHex(md.digest())));
        } catch (IOException e) {
            throw new LogUnavailableException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<List<String>> list(String folder) {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return Optional.of(List.of());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return Optional.of(files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p)
                            .toString()
                            .replace(p.getFileSystem().getSeparator(), "/"))
                    .sorted()
                    .toList());
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new LogUnavailableException(
                    "cannot list " + dir + ": " + e.getMessage(),
                    e instanceof IOException io ? io : ((java.io.UncheckedIOException) e).getCause());
        }
    }

    @Override
    public int parallelism() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }
}
