package org.veritally.store.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.veritally.store.DiskFull;
import org.veritally.store.StoreException;
import org.veritally.store.StoreRule;

/**
 * Blobs as files in a directory (by default {@code <data>/evidence}), one file per blob at {@code ab/cd/<name>}: the
 * first two pairs of hex digits of the name fan the files out over at most 65,536 directories of a few files each.
 * The file holds the bytes and nothing else, so a blob takes its size rounded up to the file system's block.
 *
 * <p>A put writes a temporary file ({@code .<name>.<pid>-<n>.tmp}) in the blob's own directory, forces it to disk,
 * renames it to its name (atomic within a directory) and forces the directory, so that a crash, even a power cut,
 * leaves either the whole blob under its name or none: never a partial file under a final name. A temporary file left
 * by a crash is never read and never listed; it may be deleted while no put runs. Two writers of the same bytes (two
 * threads, two processes) each rename a complete file of the same bytes: the name holds them either way.
 *
 * <p>Files are created readable by their owner only, since originals are private. Thread-safe; several processes may
 * share the directory.
 */
public final class DirectoryBlobStore implements BlobStore {
    private static final AtomicLong TEMPORARY = new AtomicLong();
    private static final String PID = Long.toString(ProcessHandle.current().pid());

    private final Path root;

    /** Opens the directory {@code root}, creating it if needed. */
    public DirectoryBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            org.veritally.store.OwnerOnly.directories(this.root);
        } catch (IOException e) {
            throw failure("create the evidence directory " + this.root, e);
        }
    }

    /** The directory. */
    public Path root() {
        return root;
    }

    /** The file of the blob {@code name} (which may not exist). */
    public Path fileOf(String name) {
        BlobHash.require(name);
        return root.resolve(name.substring(0, 2)).resolve(name.substring(2, 4)).resolve(name);
    }

    @Override
    public String put(byte[] bytes) {
        String name = BlobHash.of(bytes);
        Path file = fileOf(name);
        Path dir = file.getParent();
        if (Files.isRegularFile(file)) {
            // already there, perhaps renamed into place by a put that crashed before its directory was forced:
            // force it now, so that no acknowledged blob rests on a directory entry not yet on disk
            try {
                force(dir);
            } catch (IOException e) {
                throw failure("force the directory of the blob " + name + " in " + root, e);
            }
            return name;
        }
        Path tmp = dir.resolve("." + name + "." + PID + "-" + TEMPORARY.incrementAndGet() + ".tmp");
        try {
            createDirectory(dir);
            try (FileChannel ch = FileChannel.open(
                    tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly(dir))) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            force(dir);
            return name;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException gone) {
                e.addSuppressed(gone);
            }
            if (DiskFull.in(e))
                throw new StoreException(
                        StoreRule.STORE_FULL,
                        StoreRule.STORE_FULL + ": no space left in " + dir + " to store the blob " + name
                                + " (nothing of it was kept); free space there and retry (" + e.getMessage() + ")",
                        e);
            throw failure("store the blob " + name + " in " + root, e);
        }
    }

    @Override
    public Optional<byte[]> get(String sha256hex) {
        Path file = fileOf(sha256hex);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("read the blob " + sha256hex + " from " + root, e);
        }
        return Optional.of(BlobHash.checked(sha256hex, bytes, file.toString()));
    }

    @Override
    public boolean has(String sha256hex) {
        return Files.isRegularFile(fileOf(sha256hex));
    }

    @Override
    public OptionalLong size(String sha256hex) {
        Path file = fileOf(sha256hex);
        try {
            return OptionalLong.of(Files.size(file));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw failure("read the size of the blob " + sha256hex + " in " + root, e);
        }
    }

    /** Walks {@code ab/cd/name} in order; only a file whose name is a blob name in its own directory counts. */
    @Override
    public void forEachHash(Consumer<String> action) {
        try {
            for (Path first : sorted(root, true)) {
                for (Path second : sorted(first, true)) {
                    String prefix = first.getFileName().toString() + second.getFileName();
                    for (Path f : sorted(second, false)) {
                        String name = f.getFileName().toString();
                        if (BlobHash.valid(name) && name.startsWith(prefix)) action.accept(name);
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw failure("list the blobs in " + root, e);
        }
    }

    /** The entries of {@code dir} in name order: the two-hex-digit directories, or the regular files. */
    private static List<Path> sorted(Path dir, boolean directories) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String n = p.getFileName().toString();
                boolean fanOut = n.length() == 2 && BlobHash.valid(n + "0".repeat(BlobHash.LENGTH - 2));
                if (directories ? fanOut && Files.isDirectory(p) : Files.isRegularFile(p)) out.add(p);
            }
        }
        out.sort(null);
        return out;
    }

    @Override
    public String location() {
        return "dir:" + root;
    }

    @Override
    public void close() {}

    /** Creates {@code ab/cd} if absent, forcing each parent so that the new directories survive a power cut. */
    private void createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) return;
        org.veritally.store.OwnerOnly.directories(dir);
        force(dir.getParent());
        force(root);
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) return new FileAttribute<?>[0];
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
        };
    }

    /**
     * Makes a rename or a new entry in {@code dir} durable. Where a directory cannot be opened (not on Linux or macOS)
     * this is skipped: the file itself is complete either way.
     */
    private static void force(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (AccessDeniedException | UnsupportedOperationException e) {
            // Windows opens no directory; the file is complete, only its name may not survive a power cut
        }
    }

    private static StoreException failure(String what, Exception e) {
        return new StoreException("cannot " + what + ": " + e.getMessage(), e);
    }
}
