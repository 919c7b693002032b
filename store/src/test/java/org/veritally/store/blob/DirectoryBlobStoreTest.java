package org.veritally.store.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.testkit.Seeds;

/** The blob storage conformance suite on a directory, plus its layout on disk. */
class DirectoryBlobStoreTest extends BlobStoreConformance {
    @TempDir
    Path dir;

    private int n;

    @Override
    BlobStore freshStore() {
        return new DirectoryBlobStore(dir.resolve("evidence" + (++n)));
    }

    /** Overwrites the file in place, as damage or an editor would. */
    @Override
    void tamper(String name, byte[] other) throws Exception {
        Files.write(((DirectoryBlobStore) store).fileOf(name), other);
    }

    @Test
    void aBlobIsOneFileAtAbCdNameHoldingItsBytesAndNothingElse() throws Exception {
        byte[] photo = BlobStoreConformance.random(new Random(Seeds.seed("aBlobIsOneFile", 5)), 3_000_000);
        String name = store.put(photo);
        Path root = ((DirectoryBlobStore) store).root();
        Path file =
                root.resolve(name.substring(0, 2)).resolve(name.substring(2, 4)).resolve(name);
        assertThat(file).isRegularFile().hasBinaryContent(photo);
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(Files::isRegularFile))
                    .as("no temporary file left")
                    .containsExactly(file);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .as("originals are private")
                .isEqualTo("rw-------");
    }

    /** A temporary file a crash left, and files that are not blobs, are neither listed nor read. */
    @Test
    void leftoverTemporaryAndStrayFilesAreNotBlobs() throws Exception {
        String name = store.put("abc".getBytes(StandardCharsets.US_ASCII));
        Path file = ((DirectoryBlobStore) store).fileOf(name);
        Files.write(file.resolveSibling("." + name + ".123-1.tmp"), new byte[] {1});
        Files.write(file.resolveSibling(EMPTY), new byte[0]); // a valid name in the wrong directory
        Files.write(file.getParent().getParent().resolve("notes.txt"), new byte[] {2});
        Files.createDirectories(((DirectoryBlobStore) store).root().resolve("zz/00"));
        assertThat(listed(store)).containsExactly(name);
        assertThat(store.has(EMPTY)).isFalse();
    }
}
