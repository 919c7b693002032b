package org.veritally.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.validation.Problem;
import org.veritally.formats.csv.CvzlaCsv;
import org.veritally.formats.csv.SheetRow;
import org.veritally.formats.election.AnnouncementFile;
import org.veritally.server.Instance;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.WriteToken;
import org.veritally.server.intake.DuplicateRows;
import org.veritally.web.RenderedPage;
import org.veritally.web.WebSite;
import org.veritally.web.i18n.Lang;
import org.veritally.web.query.StatisticsQuery;

/**
 * The checking pages on real data: the opposition's 24,532 actas of Venezuela 2024 (../shared, system
 * property {@code veritally.shared}) and the CNE's two bulletins (docs/examples), imported through the same
 * paths as {@code bin/veritally import}. Prints how long the statistics page takes the first time and when
 * reused (measured, not asserted: the reuse itself is checked), checks that the first bulletin is contradicted by the
 * actas, and takes screenshots. Skipped,
 * visibly, without the file or without Chromium.
 */
class VenezuelaPagesTest {
    @TempDir
    static Path dir;

    static Instance in;
    static ApiServer server;
    static Browser browser;
    static WebSite site;

    static Path file() {
        return Path.of(
                System.getProperty("veritally.shared", "../../shared"),
                "data",
                "ve-2024",
                "RESULTADOS_2024_CSV_V1.csv");
    }

    @BeforeAll
    static void load() throws Exception {
        Assumptions.assumeTrue(
                Files.isRegularFile(file()), "SKIPPED: Venezuelan file not found at " + file().toAbsolutePath());
        in = Instance.open(dir);
        List<Problem> ps = new ArrayList<>();
        var d = CvzlaCsv.definition(file(), ps);
        assertThat(ps).isEmpty();
        assertThat(in.define().define(d, "test", "ve").problems()).isEmpty();
        List<SheetRow> batch = new ArrayList<>();
        DuplicateRows dup = new DuplicateRows();
        CvzlaCsv.sheets(file(), CvzlaCsv.DEFAULT_SOURCE, ps, row -> {
            batch.add(row);
            if (batch.size() == 5_000) {
                in.sequencer().submit(List.copyOf(batch), "test", dup, false);
                batch.clear();
            }
        });
        in.sequencer().submit(batch, "test", dup, false);
        Path bulletins = Path.of(
                System.getProperty("maven.multiModuleProjectDirectory", ".."),
                "docs",
                "examples",
                "cne-2024-bulletins.json");
        if (!Files.isRegularFile(bulletins)) bulletins = Path.of("../docs/examples/cne-2024-bulletins.json");
        for (var a : AnnouncementFile.read(Files.readAllBytes(bulletins), "cne-2024-bulletins.json", ps)) {
            assertThat(in.announcements().record(a, "test", a.id()).problems()).isEmpty();
        }
        site = new WebSite(in);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (browser != null) browser.close();
        if (in != null) in.close();
    }

    @Test
    void theStatisticsPageIsQuickOnTwentyFiveThousandStationsAndReusesItsResult() {
        var fresh = new WebSite(in).renderer();
        long t0 = System.nanoTime();
        RenderedPage p = fresh.render(Lang.ES, "statistics", Map.of());
        long first = System.nanoTime() - t0;
        t0 = System.nanoTime();
        RenderedPage again = fresh.render(Lang.EN, "statistics", Map.of());
        long reused = System.nanoTime() - t0;
        System.out.printf(
                "VE statistics page: first %.0f ms, reused %.1f ms, %,d bytes (es)%n",
                first / 1e6, reused / 1e6, p.html().length());
        assertThat(p.status()).isEqualTo(200);
        assertThat(again.html())
                .contains("Computed over the 24,532 stations with a sheet in this view")
                .contains("ST-OUT-TURNOUT95");
        // reuse is checked by identity, not by timing: while the log has not grown, the forensic result is kept, not
        // recomputed
        var query = new StatisticsQuery(in);
        var none = java.util.Optional.<String>empty();
        var once = query.read(none, none, none, none);
        assertThat(once.forensics()).isPresent();
        assertThat(query.read(none, none, none, none).forensics())
                .as("the kept forensic result")
                .isSameAs(once.forensics());
    }

    @Test
    void theFirstCneBulletinIsContradictedByTheActas() {
        long t = System.nanoTime();
        String html = site.renderer().render(Lang.EN, "announcements", Map.of()).html();
        System.out.printf("VE announcements page: %.0f ms, %,d bytes%n", (System.nanoTime() - t) / 1e6, html.length());
        assertThat(html)
                .contains("CNE first bulletin")
                .contains("<tr class=\"contra\">")
                .contains("Contradicted by the sheets in");
        long t0 = System.nanoTime();
        String disc = site.renderer().render(Lang.EN, "discrepancies", Map.of()).html();
        System.out.printf("VE discrepancies page: %.0f ms, %,d bytes%n", (System.nanoTime() - t0) / 1e6, disc.length());
        assertThat(disc).contains("No disputed station matches this filter.");
    }

    /** Journey 3: the mission's quick count, and the CNE's round shares outside its interval, on one page. */
    @Test
    void theQuickCountHoldsTheBulletinsAgainstItsInterval() {
        String html = site.renderer()
                .render(Lang.EN, "statistics", Map.of("seed", "veritally worked example 2024-07-28", "size", "1000"))
                .html();
        assertThat(html)
                .contains("Sample of 1,000 stations in 24 strata")
                .contains(">cne-1</th>")
                .contains("<mark>51.20%</mark>")
                .contains("Announcement “CNE first bulletin")
                .contains("about 9.9 × 10⁻⁹");
    }

    @Test
    void screenshotsOfTheRealData() throws Exception {
        browser = Browser.launch();
        server = new ApiServer(in, WriteToken.load(dir), List.of(site)).start("127.0.0.1", 0);
        Files.createDirectories(Browser.screenshots());
        for (String[] shot : new String[][] {
            {"/es/statistics", "ve-statistics-phone", "360"},
            {"/en/announcements", "ve-announcements-desktop", "1280"},
            {"/es/announcements", "ve-announcements-phone", "360"},
            {"/en/statistics?seed=veritally+worked+example+2024-07-28&size=1000", "ve-quickcount-desktop", "1280"}
        }) {
            int width = Integer.parseInt(shot[2]);
            Page p = browser.chromium
                    .newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(width, 800))
                    .newPage();
            p.navigate("http://127.0.0.1:" + server.port() + shot[0]);
            BrowserTest.fitsTheScreen(p);
            p.screenshot(new Page.ScreenshotOptions()
                    .setPath(Browser.screenshots().resolve(shot[1] + ".png"))
                    .setFullPage(true));
            p.context().close();
        }
    }
}
