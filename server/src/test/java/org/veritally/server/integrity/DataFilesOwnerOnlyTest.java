package org.veritally.server.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;
import org.veritally.server.http.WriteToken;

/**
 * Issue 16, finding 10: the data files are created readable by their owner alone (600, directories 700):
 * the SQLite database and its -wal and -shm, the log's signing key, the API token, the evidence blobs.
 */
class DataFilesOwnerOnlyTest {
    @TempDir
    Path tmp;

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void theDatabaseItsWalAndShmTheKeyTheTokenAndTheEvidenceAreOwnerOnly() throws Exception {
        Assumptions.assumeTrue(
                tmp.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "no POSIX permissions on this file system");
        Path dir = tmp.resolve("new/data");
        try (Instance in = Fixtures.defined(dir, new SyntheticElection(5, 1, 2, 1, 1).definition())) {
            WriteToken.load(dir);
            String blob = in.blobs().put(new byte[] {1, 2, 3});
            Path db = dir.resolve(Instance.DB_FILE);
            for (Path f : new Path[] {
                db,
                dir.resolve(Instance.DB_FILE + "-wal"),
                dir.resolve(Instance.DB_FILE + "-shm"),
                dir.resolve("keys/log.key"),
                dir.resolve(WriteToken.FILE),
                ((org.veritally.store.blob.DirectoryBlobStore) in.blobs()).fileOf(blob)
            }) {
                assertThat(Files.exists(f)).as(f.toString()).isTrue();
                assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------");
            }
            Path evidence = ((org.veritally.store.blob.DirectoryBlobStore) in.blobs()).fileOf(blob);
            for (Path d : new Path[] {
                tmp.resolve("new"), dir, dir.resolve("keys"), dir.resolve("evidence"), evidence.getParent()
            }) assertThat(mode(d)).as(d.toString()).isEqualTo("rwx------");
        }
    }
}
