package org.veritally.server.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.model.Station;
import org.veritally.core.model.Unit;

/**
 * A catalogue image reads back as written, the file streamed to disk holds the same bytes as {@link
 * CatalogueImageFile#encode}, decoded stations share their unit's id string, and a changed byte or a cut file is
 * refused by its SHA-256.
 */
class CatalogueImageFileTest {
    @TempDir
    Path dir;

    private static CatalogueImage image() {
        byte[] root = new byte[32];
        root[0] = 7;
        return new CatalogueImage(
                42,
                root,
                List.of(new Unit("R", "Ráiz", 0, ""), new Unit("A", "Estado A", 1, "R"), new Unit("B", "B", 2, "A")),
                List.of(new Station("S1", "Mesa 1", "B", 450), new Station("S2", "Mesa 2", "A", 0)));
    }

    @Test
    void anImageWrittenToAFileReadsBackEqualWithTheSameBytesAsItsEncoding() throws IOException {
        Path f = dir.resolve("snapshots").resolve(StartState.IMAGE);
        long bytes = CatalogueImageFile.write(f, image());
        assertThat(Files.readAllBytes(f)).isEqualTo(CatalogueImageFile.encode(image()));
        assertThat(bytes).isEqualTo(Files.size(f));
        CatalogueImage back = CatalogueImageFile.read(f).orElseThrow();
        assertThat(back).isEqualTo(image());
        assertThat(back.stations().get(0).unitId()).isSameAs(back.units().get(2).id());
        assertThat(CatalogueImageFile.read(dir.resolve("absent"))).isEmpty();
    }

    @Test
    void aChangedByteOrACutFileIsRefusedByItsSha256() {
        byte[] bytes = CatalogueImageFile.encode(image());
        byte[] changed = bytes.clone();
        changed[60] ^= 0x20;
        assertThatThrownBy(() -> CatalogueImageFile.decode(changed))
                .isInstanceOf(CatalogueImageFile.CorruptImage.class)
                .hasMessageContaining("SHA-256");
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        assertThatThrownBy(() -> CatalogueImageFile.decode(cut)).isInstanceOf(CatalogueImageFile.CorruptImage.class);
    }
}
