package org.veritally.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file of the data directory (a key, the API token, a receipts file) written whole or not at
 * all: into {@code NAME.tmp} beside it, forced to disk, then renamed over {@code NAME} (an atomic
 * rename on one file system). A failure deletes the temporary file, so a full disk leaves neither
 * a half-written file nor the space it took; it is reported as {@link DiskFull STORE-FULL} naming
 * the directory. A reader sees the old file or the new one. Stateless.
 */
public final class WholeFile {
    /** What writes the contents. */
    @FunctionalInterface
    public interface Contents {
        void writeTo(OutputStream out) throws IOException;
    }

    private WholeFile() {}

    /** Writes {@code bytes} to {@code file}; {@code ownerOnly} makes it readable by its owner alone (mode 600). */
    public static void write(Path file, boolean ownerOnly, byte[] bytes) throws IOException {
        write(file, ownerOnly, out -> out.write(bytes));
    }

    /**
     * Writes what {@code contents} produces to {@code file}, replacing it if it exists.
     *
     * @throws StoreException {@link DiskFull STORE-FULL} when the file system is full
     * @throws IOException any other failure to write
     */
    public static void write(Path file, boolean ownerOnly, Contents contents) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(tmp);
            if (ownerOnly)
                Files.createFile(
                        tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel ch = FileChannel.open(
                    tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                contents.writeTo(out);
                out.flush();
                ch.force(true);
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException gone) {
                e.addSuppressed(gone);
            }
            if (e instanceof IOException io && DiskFull.in(io)) throw DiskFull.directory(dir, abs, io);
            throw e;
        }
        syncDirectory(dir);
    }

    /** Makes the rename itself durable; best effort, as not every file system lets a directory be opened. */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | RuntimeException e) {
            // the file is complete either way; only its name may not survive a power cut
        }
    }
}
