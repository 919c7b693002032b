package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.testkit.SheetPictures;

/**
 * {@code import --format images} end to end through the CLI, on a generated Venezuelan election: photos
 * whose QR code holds an acta become evidence and machine-read copies; a QR that differs from the
 * source's typed copy is listed, both kept; a photo with no code is filed from its file name with
 * {@code --station-pattern} and listed for transcription; a photo with neither is not filed; a file that is
 * no photo is refused with EV-TYPE. Then {@code evidence show}, {@code publish} and {@code verify}.
 */
class ImportImagesTest {
    @TempDir
    Path dir;

    /** A 1600×1200 photo of a sheet with printed text and the acta's QR code in its top right corner. */
    static byte[] photoWithQr(String payload, long seed) throws Exception {
        return photoWithQr(payload, seed, 1600, 1200, 420);
    }

    /** A photo of {@code w}×{@code h} with a {@code side}-pixel QR code of {@code payload} in its top right corner. */
    static byte[] photoWithQr(String payload, long seed, int w, int h, int side) throws Exception {
        BufferedImage sheet = SheetPictures.sheet(w, h, "acta", new int[] {1, 2, 3}, seed);
        var hints = Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4);
        var matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, side, side, hints);
        for (int y = 0; y < matrix.getHeight(); y++)
            for (int x = 0; x < matrix.getWidth(); x++)
                sheet.setRGB(w - side - 40 + x, 40 + y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
        return SheetPictures.jpeg(sheet, 0.9f);
    }

    /**
     * Photos of real signed Brazilian boletins (../shared): with {@code --keys}, each boletim read from a photo is
     * verified and becomes the photographer's copy, which agrees with the TSE's own payloads.
     */
    @Test
    void photosOfRealBoletinsBecomeVerifiedCopies() throws Exception {
        ImportBoletinsTest.assumeSamples();
        Path data = dir.resolve("br");
        Path all = dir.resolve("payloads.txt");
        List<String> payloads = ImportBoletinsTest.payloads();
        Files.write(all, payloads);
        assertThat(ImportBoletinsTest.importFile(data.toString(), all).code()).isZero();
        Path photos = Files.createDirectories(dir.resolve("br-photos"));
        for (int i = 0; i < 4; i++)
            Files.write(photos.resolve("bu-" + i + ".jpg"), photoWithQr(payloads.get(i), 40 + i, 2400, 1800, 1000));
        var run = CliTest.run(
                "import",
                "--data",
                data.toString(),
                "--format",
                "images",
                "--source",
                "fiscal",
                "--keys",
                ImportBoletinsTest.samples().resolve("keys").toString(),
                photos.toString());
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("photos 4: filed 4; QR read in 4 {br-bu-qr=4}")
                .contains("copies added 4");
        var d = CliTest.run("discrepancies", "--data", data.toString(), "--json");
        assertThat(d.out())
                .as("the photographer's copies agree with the TSE's payloads")
                .contains("\"disputed\" : 0");
    }

    @Test
    void aFolderOfPhotosBecomesEvidenceAndMachineReadCopies() throws Exception {
        Path csv = ReconciliationTest.generatedCvzla(dir, 20, 31);
        Path data = dir.resolve("data");
        assertThat(CliTest.run(
                                "import",
                                "--data",
                                data.toString(),
                                "--format",
                                "ve2024-cvzla",
                                "--quiet",
                                csv.toString())
                        .code())
                .isZero();
        List<String> rows = Files.readAllLines(csv);
        Path photos = Files.createDirectories(dir.resolve("photos"));
        String[] first = rows.get(1).split(",", -1);
        String[] second = rows.get(2).split(",", -1);
        String[] third = rows.get(3).split(",", -1);
        String firstStation = org.veritally.formats.csv.CvzlaCsv.stationId(first[6], first[7]);
        String thirdStation = org.veritally.formats.csv.CvzlaCsv.stationId(third[6], third[7]);
        Files.write(photos.resolve("01.jpg"), photoWithQr(ReconciliationTest.actaPayload(first, false), 1));
        Files.write(photos.resolve("02.jpg"), photoWithQr(ReconciliationTest.actaPayload(second, false), 2));
        Files.write(
                photos.resolve("acta-" + thirdStation + ".jpg"),
                SheetPictures.jpeg(SheetPictures.sheet(1600, 1200, "no code", new int[] {4, 5}, 3), 0.85f));
        Files.write(
                photos.resolve("unnamed.jpg"),
                SheetPictures.jpeg(SheetPictures.sheet(800, 600, "no code", new int[] {6}, 4), 0.85f));
        Files.writeString(photos.resolve("notes.txt"), "not a photo");

        var run = CliTest.run(
                "import",
                "--data",
                data.toString(),
                "--format",
                "images",
                "--source",
                "witness-a",
                "--station-pattern",
                "acta-(?<station>[0-9.]+)\\.jpg",
                photos.toString());
        assertThat(run.code()).as(run.toString()).isEqualTo(1);
        assertThat(run.out())
                .contains("photos 5: filed 3; QR read in 2")
                .contains("machine-read copies added 2")
                .contains("no readable code (to transcribe): acta-" + thirdStation + ".jpg")
                .contains("no station (not filed): unnamed.jpg");
        assertThat(run.err()).contains("EV-TYPE").contains("notes.txt");
        try (var in = org.veritally.server.Instance.open(data)) {
            long citing = in.store().readLog(0, Integer.MAX_VALUE).stream()
                    .filter(e -> e.kind().equals("sheet"))
                    .filter(e ->
                            new String(e.body(), java.nio.charset.StandardCharsets.UTF_8).contains("\"evidence\":\""))
                    .count();
            assertThat(citing).as("each machine-read copy cites its photo").isEqualTo(2);
        }

        // the same acta, changed, as the opposition's own source: listed as differing, both kept
        Path changed = Files.createDirectories(dir.resolve("changed"));
        Files.write(changed.resolve("x.jpg"), photoWithQr(ReconciliationTest.actaPayload(first, true), 5));
        var again = CliTest.run(
                "import", "--data", data.toString(), "--format", "images", "--source", "cvzla", changed.toString());
        assertThat(again.out()).contains("differs: x.jpg").contains("filed 1");

        var show = CliTest.run("evidence", "show", "--data", data.toString(), firstStation);
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("ve-acta-qr").contains("witness-a").contains("cvzla");

        Path pub = dir.resolve("pub");
        assertThat(CliTest.run("publish", "--data", data.toString(), "--out", pub.toString())
                        .code())
                .isZero();
        String key = CliTest.run("log-key", "--data", data.toString())
                .out()
                .strip()
                .lines()
                .reduce((a, b) -> b)
                .orElseThrow();
        var v = CliTest.run("verify", pub.toString(), "--key", key);
        assertThat(v.code()).as(v.toString()).isZero();
    }
}
