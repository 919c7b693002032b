package org.veritally.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates the data directory's files and directories readable by their owner alone: files mode 600,
 * directories 700 (issue 16: {@code veritally.db} was created world-readable). SQLite creates its
 * {@code -wal} and {@code -shm} files with the mode of the database file (sqlite.org/tempfiles.html; the unix
 * VFS copies it), so creating the empty database file 600 before SQLite opens it covers all three. Only what
 * this creates is restricted: an existing file or directory keeps the mode its operator gave it. Where the
 * file system has no POSIX permissions (Windows) this creates without them. Stateless.
 */
public final class OwnerOnly {
    private OwnerOnly() {}

    /** Creates {@code dir} and any missing parent, each new one mode 700. */
    public static void directories(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (Files.isDirectory(abs)) return;
        Path parent = abs.getParent();
        if (parent != null) directories(parent);
        try {
            Files.createDirectory(abs, attributes(abs, "rwx------"));
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(abs)) throw raced;
        }
    }

    /** Creates {@code file} empty, mode 600, unless it exists (its directory too, mode 700). */
    public static void file(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        directories(abs.getParent());
        if (Files.exists(abs)) return;
        try {
            Files.createFile(abs, attributes(abs, "rw-------"));
        } catch (FileAlreadyExistsException raced) {
            // another process created it first: it keeps the mode it was given
        }
    }

    private static FileAttribute<?>[] attributes(Path p, String mode) {
        if (!p.getFileSystem().supportedFileAttributeViews().contains("posix")) return new FileAttribute<?>[0];
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))};
    }
}
