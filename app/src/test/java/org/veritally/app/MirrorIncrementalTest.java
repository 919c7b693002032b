package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code publish --site} again after new sheets: only what changed is rendered and written, the
 * mirror still verifies, and {@code publish} without {@code --site} still writes the log alone.
 */
class MirrorIncrementalTest {
    @TempDir
    Path dir;

    @Test
    void aLaterPublishRendersOnlyWhatTheNewSheetsChangedAndStillVerifies() throws Exception {
        var g = VerifyFixture.generate(dir, 40, 5);
        Path data = dir.resolve("data");
        VerifyFixture.define(data, g);
        List<String> rows = Files.readAllLines(g.authority());
        Path early = dir.resolve("early.csv");
        Path late = dir.resolve("late.csv");
        List<String> held = new ArrayList<>(List.of(rows.get(0)));
        held.addAll(rows.subList(rows.size() - 3, rows.size()));
        Files.write(early, rows.subList(0, rows.size() - 3));
        Files.write(late, held);
        VerifyFixture.importSheets(data, early);
        Path site = dir.resolve("site");
        VerifyFixture.Run first =
                VerifyFixture.run("publish", "--data", data.toString(), "--out", site.toString(), "--site");
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).contains("everything rendered");

        String heldStation = held.get(1).split(",")[8];
        String untouched = rows.get(1).split(",")[8];
        FileTime old = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
        Path untouchedPage = site.resolve("es/station/" + untouched + ".html");
        Files.setLastModifiedTime(untouchedPage, old);

        VerifyFixture.importSheets(data, late);
        VerifyFixture.Run second =
                VerifyFixture.run("publish", "--data", data.toString(), "--out", site.toString(), "--site");
        assertThat(second.code()).as(second.toString()).isZero();
        assertThat(second.out()).contains("incremental").contains(" 3 receipts");
        assertThat(Files.getLastModifiedTime(untouchedPage)).isEqualTo(old);
        assertThat(Files.readString(site.resolve("en/station/" + heldStation + ".html")))
                .contains("data-vt=\"c|" + heldStation + "|C1|authority|valid\"");

        VerifyFixture.Run v = VerifyFixture.run(
                "verify", site.toString(), "--key", VerifyFixture.key(data).toString());
        assertThat(v.code()).as(v.toString()).isZero();
        assertThat(v.status("VFY-PAGES")).isEqualTo("ok");

        Path log = dir.resolve("log-only");
        VerifyFixture.ok("publish", "--data", data.toString(), "--out", log.toString());
        assertThat(log.resolve("checkpoint")).isRegularFile();
        assertThat(log.resolve("manifest.json")).doesNotExist();
        assertThat(log.resolve("es")).doesNotExist();
        VerifyFixture.Run lv = VerifyFixture.run(
                "verify", log.toString(), "--key", VerifyFixture.key(data).toString());
        assertThat(lv.code()).isZero();
        assertThat(lv.status("VFY-PAGES")).isEqualTo("absent");
    }
}
