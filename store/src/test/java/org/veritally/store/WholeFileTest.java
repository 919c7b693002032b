package org.veritally.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link WholeFile}: a file of the data directory is written whole or not at all. */
class WholeFileTest {
    @TempDir
    Path dir;

    /**
     * STORE-FULL: a file of the data directory that meets a full disk is not left half-written, and one it replaces is
     * kept.
     */
    @Test
    void storeFullAFileWriteLeavesNoHalfFile() throws Exception {
        Path receipts = dir.resolve("out").resolve("receipts.jsonl");
        WholeFile.write(receipts, true, "old\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> WholeFile.write(receipts, false, out -> {
                    out.write(new byte[100_000]);
                    throw new IOException(
                            "No space left on device"); // what write(2) says with ENOSPC; bench/disk-full.sh meets the
                    // real one
                }))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith(
                        "STORE-FULL: no space left in " + receipts.getParent() + " to write receipts.jsonl");
        assertThat(Files.readString(receipts)).isEqualTo("old\n");
        assertThat(Files.getPosixFilePermissions(receipts))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        try (var files = Files.list(receipts.getParent())) {
            assertThat(files).containsExactly(receipts);
        }
        assertThatThrownBy(() -> WholeFile.write(receipts, false, out -> {
                    throw new IOException("Input/output error");
                }))
                .as("another failure stays an I/O error")
                .isInstanceOf(IOException.class);
    }

    @Test
    void aWrittenFileReplacesTheOldOneAndLeavesNoTemporaryFile() throws Exception {
        Path f = dir.resolve("api-token");
        WholeFile.write(f, true, "one\n".getBytes(StandardCharsets.UTF_8));
        WholeFile.write(f, true, out -> out.write("two\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(f)).isEqualTo("two\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }
}
