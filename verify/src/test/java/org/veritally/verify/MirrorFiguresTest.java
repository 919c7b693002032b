package org.veritally.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.veritally.core.validation.Problem;
import org.veritally.formats.replay.ExportFiles;

/**
 * How {@code VFY-PAGES} reads a page's figures and their text, and how the mirror checks read the manifest and report
 * an export's difference.
 */
class MirrorFiguresTest {

    @Test
    void readsEveryTaggedFigureWithItsValueAndText() {
        String html = "<td class=\"n\" data-vt=\"t|R0|C1|official|valid\" data-v=\"12345\">12.345</td>"
                + "<p>The log holds <span data-vt=\"n|logSize\" data-v=\"7\">7</span> entries</p>"
                + "<mark data-vt=\"c|P&amp;1|C1|a|blank\" data-v=\"\">—</mark><strong "
                + "data-vt=\"p|N|C1|consensus|stations|stationsTotal\" data-v=\"0/4\">–</strong>";
        List<PageFigures.Figure> f = PageFigures.of(html.getBytes(StandardCharsets.UTF_8));
        assertThat(f)
                .containsExactly(
                        new PageFigures.Figure("t|R0|C1|official|valid", "12345", "12.345"),
                        new PageFigures.Figure("n|logSize", "7", "7"),
                        new PageFigures.Figure("c|P&1|C1|a|blank", "", "—"),
                        new PageFigures.Figure("p|N|C1|consensus|stations|stationsTotal", "0/4", "–"));
    }

    @Test
    void aFigureWithoutItsValueIsReadAsSuch() {
        assertThat(PageFigures.of("<span data-vt=\"n|logSize\">7</span>".getBytes(StandardCharsets.UTF_8)))
                .containsExactly(new PageFigures.Figure("n|logSize", null, "7"));
    }

    @Test
    void countsAreReadInTheFormatOfEveryLanguageOfTheSite() {
        for (String tag : List.of("en", "es", "id", "pt")) {
            NumberFormat nf = NumberFormat.getIntegerInstance(Locale.forLanguageTag(tag));
            for (long v : new long[] {0, 7, 999, 1_234, 12_345_678}) {
                assertThat(PageFigures.showsCount(nf.format(v), Long.toString(v)))
                        .as(tag + " " + nf.format(v))
                        .isTrue();
                assertThat(PageFigures.showsCount(nf.format(v + 1), Long.toString(v)))
                        .as(tag + " " + v)
                        .isFalse();
            }
        }
        assertThat(PageFigures.showsCount("—", "")).isTrue();
        assertThat(PageFigures.showsCount("0", "")).isFalse();
        assertThat(PageFigures.showsCount("12.34", "1234"))
                .as("grouping by threes only")
                .isFalse();
        assertThat(PageFigures.showsCount("1234 votes", "1234")).isFalse();
    }

    @Test
    void sharesAreReadInTheFormatOfEveryLanguageOfTheSite() {
        for (String tag : List.of("en", "es", "id", "pt")) {
            NumberFormat pct = NumberFormat.getPercentInstance(Locale.forLanguageTag(tag));
            pct.setMinimumFractionDigits(1);
            pct.setMaximumFractionDigits(1);
            assertThat(PageFigures.showsShare(pct.format(2.0 / 3), 2, 3))
                    .as(tag + " " + pct.format(2.0 / 3))
                    .isTrue();
            assertThat(PageFigures.showsShare(pct.format(1.0), 5, 5)).as(tag).isTrue();
            assertThat(PageFigures.showsShare(pct.format(0.0), 0, 5)).as(tag).isTrue();
            assertThat(PageFigures.showsShare(pct.format(0.667), 2, 3))
                    .as("66.7% rounds 2/3 either way")
                    .isTrue();
            assertThat(PageFigures.showsShare(pct.format(0.669), 2, 3)).as(tag).isFalse();
        }
        assertThat(PageFigures.showsShare("–", 0, 0)).isTrue();
        assertThat(PageFigures.showsShare("0.0%", 0, 0)).isFalse();
        assertThat(PageFigures.showsShare("66.6", 2, 3))
                .as("a share has its % sign")
                .isFalse();
    }

    @Test
    void aManifestThatLeavesTheMirrorOrIsMalformedIsRefused() {
        String ok = "{\"checkpoint\":\"c\",\"exports\":[],\"files\":{\"es/index.html\":\"" + "a".repeat(64)
                + "\"},\"languages\":[\"es\"]," + "\"root\":\"r\",\"treeSize\":3,\"version\":1}";
        assertThat(MirrorCheck.parse(ok.getBytes(StandardCharsets.UTF_8)).files())
                .containsOnlyKeys("es/index.html");
        for (String bad : List.of(
                ok.replace("es/index.html", "../etc/passwd"),
                ok.replace("es/index.html", "/etc/passwd"),
                ok.replace("\"" + "a".repeat(64), "\"abc"),
                ok.replace("\"treeSize\":3", "\"treeSize\":\"3\""),
                ok.replace("[\"es\"]", "[\"../x\"]"),
                "[]",
                "{")) {
            assertThatThrownBy(() -> MirrorCheck.parse(bad.getBytes(StandardCharsets.UTF_8)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anExportsDifferenceNamesItsLineColumnAndStation() {
        var spec = new ExportFiles.Spec(
                ExportFiles.STATION_CSV, "exports/station.csv", Optional.empty(), Optional.empty());
        byte[] computed = "station,contest,valid\nP1,C1,300\n\"P,2\",C1,41\n".getBytes(StandardCharsets.UTF_8);
        byte[] published = "station,contest,valid\nP1,C1,300\n\"P,2\",C1,42\n".getBytes(StandardCharsets.UTF_8);
        Problem m = MirrorCheck.difference(spec, published, computed);
        assertThat(m.rule().id()).isEqualTo("EXP-DIFF");
        assertThat(m.location()).isEqualTo("exports/station.csv line 3 (station P,2) column valid");
        assertThat(m.expected()).hasValue("42");
        assertThat(m.found()).hasValue("41");
        var nist = new ExportFiles.Spec(
                ExportFiles.NIST_JSON, "exports/nist-official.json", Optional.of("official"), Optional.empty());
        assertThat(MirrorCheck.difference(
                                nist,
                                "{\"Count\":42}".getBytes(StandardCharsets.UTF_8),
                                "{\"Count\":41}".getBytes(StandardCharsets.UTF_8))
                        .location())
                .isEqualTo("exports/nist-official.json byte 10");
    }
}
