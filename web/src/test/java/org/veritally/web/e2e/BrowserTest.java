package org.veritally.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.formats.entry.SheetJson;
import org.veritally.server.http.WriteToken;
import org.veritally.web.SampleElection;

/**
 * The journeys of a voter and a journalist in a real browser against the real server on loopback:
 * from the overview down to a station, switching language, a disputed station, live figures, and
 * pages working with scripts off. Screenshots at phone and desktop sizes go to target/screenshots.
 */
class BrowserTest {
    @TempDir
    static Path dir;

    static ServedSample site;

    @BeforeAll
    static void start() throws Exception {
        site = ServedSample.start(dir);
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
    }

    static Page page(int width, int height) {
        BrowserContext c = site.browser.chromium.newContext(
                new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(width, height));
        return c.newPage();
    }

    /** Responsive: nothing pushes the page wider than the screen (wide tables scroll inside their own box). */
    static void fitsTheScreen(Page p) {
        int width = p.viewportSize().width;
        assertThat((Integer) p.evaluate("() => document.documentElement.scrollWidth"))
                .as(p.url() + " at " + width + " px")
                .isLessThanOrEqualTo(width);
    }

    static void shot(Page p, String name) {
        fitsTheScreen(p);
        p.screenshot(new Page.ScreenshotOptions()
                .setPath(Browser.screenshots().resolve(name + ".png"))
                .setFullPage(true));
    }

    @Test
    void aVoterGoesFromTheOverviewDownToOneStation() {
        for (int[] size : new int[][] {{360, 740}, {1280, 900}}) {
            String tag = size[0] == 360 ? "phone" : "desktop";
            Page p = page(size[0], size[1]);
            p.navigate(site.base + "/en/");
            assertThat(p.locator("h1").textContent()).isEqualTo("Synthetic election (seed 7)");
            shot(p, "overview-" + tag);
            p.locator("section[aria-labelledby=h-regions] a").first().click();
            int depth = 0;
            while (p.locator("table.kids tbody a").count() > 0) {
                if (depth == 1) shot(p, "unit-" + tag);
                p.locator("table.kids tbody a").first().click();
                depth++;
            }
            assertThat(depth).as("levels below the region").isEqualTo(3);
            shot(p, "village-" + tag);
            p.locator("section[aria-labelledby=h-stations] tbody a").first().click();
            assertThat(p.url()).matches(".*/en/station/P\\d+$");
            assertThat(p.locator("h1").textContent()).startsWith("Station P");
            assertThat(p.locator("nav.crumbs li").count()).isEqualTo(5);
            p.context().close();
        }
    }

    @Test
    void aReaderSwitchesLanguageAndKeepsThePage() {
        Page p = page(360, 740);
        p.navigate(site.base + "/en/unit/N?contest=C2&view=source:party-a");
        p.locator("nav.langs a[hreflang=es]").click();
        assertThat(p.url()).endsWith("/es/unit/N?contest=C2&view=source%3Aparty-a");
        assertThat(p.locator("html").getAttribute("lang")).isEqualTo("es");
        assertThat(p.locator("#h-children").textContent()).startsWith("Resultados por");
        assertThat(p.locator("[data-f=validVotes]").first().textContent()).matches("\\d{1,3}(\\.\\d{3})+");
        shot(p, "unit-es-phone");
        p.locator("nav.langs a[hreflang=id]").click();
        assertThat(p.locator("html").getAttribute("lang")).isEqualTo("id");
        assertThat(p.locator("nav.pick[aria-label=Pemilihan] [aria-current=page]")
                        .textContent())
                .isEqualTo("Senate");
        p.context().close();
    }

    @Test
    void aJournalistSeesBothCopiesOfADisputedSheetWithTheDifferenceHighlighted() {
        for (int[] size : new int[][] {{360, 740}, {1280, 900}}) {
            Page p = page(size[0], size[1]);
            p.navigate(site.base + "/en/station/" + SampleElection.DISPUTED);
            var c1 = p.locator("section.copies").first();
            assertThat(c1.locator(".st").textContent()).isEqualTo("Disputed");
            assertThat(c1.locator("thead th").allTextContents())
                    .anySatisfy(t -> assertThat(t).startsWith("Electoral authority"))
                    .anySatisfy(t -> assertThat(t).startsWith("Witnesses of party A"));
            assertThat(c1.locator("tr.diff").count()).isEqualTo(2);
            assertThat(c1.locator("tr.diff mark").count()).isEqualTo(2);
            String bg = (String)
                    p.evaluate("() => getComputedStyle(document.querySelector('tr.diff mark')).backgroundColor");
            assertThat(bg).isNotEqualTo("rgba(0, 0, 0, 0)");
            assertThat(p.locator("section.copies").nth(1).locator(".st").textContent())
                    .isEqualTo("Agreed");
            shot(p, "station-disputed-" + (size[0] == 360 ? "phone" : "desktop"));
            p.context().close();
        }
    }

    @Test
    void aFigureUpdatesLiveWhenANewSheetIsPosted() throws Exception {
        Page p = page(1280, 900);
        p.navigate(site.base + "/en/unit/V0?contest=C1&view=official");
        String sel = "section.result [data-f=stationsReporting]";
        String before = p.locator(sel).textContent();
        String votesBefore =
                p.locator("section.result .bars [data-cand]").first().textContent();
        String token = Files.readString(dir.resolve(WriteToken.FILE)).strip();
        String entry = new String(
                new SheetJson(site.in.state().requireElection()).encode(site.sample.heldBack),
                java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = entry.replace(",\"kind\":\"sheet\"", "")
                .replace(",\"v\":1", "")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var post = HttpRequest.newBuilder(URI.create(site.base + "/api/sheets"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        var res = HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
        p.waitForFunction(
                "([s, old]) => document.querySelector(s).textContent !== old",
                List.of(sel, before),
                new Page.WaitForFunctionOptions().setTimeout(20_000));
        assertThat(Long.parseLong(p.locator(sel).textContent())).isEqualTo(Long.parseLong(before) + 1);
        assertThat(p.locator("section.result .bars [data-cand]").first().textContent())
                .isNotEqualTo(votesBefore);
        p.context().close();
    }

    @Test
    void pagesWorkWithScriptsOff() {
        var ctx = site.browser.chromium.newContext(
                new com.microsoft.playwright.Browser.NewContextOptions().setJavaScriptEnabled(false));
        Page p = ctx.newPage();
        p.navigate(site.base + "/pt/");
        p.locator("header input[name=q]").fill("san jose");
        p.locator("header form button").click();
        assertThat(p.url()).contains("/pt/search?q=san+jose");
        p.locator("ul.hits a").first().click();
        assertThat(p.locator("h1").textContent()).startsWith("San José <b>del</b> Ávila");
        p.locator("section[aria-labelledby=h-stations] tbody a").first().click();
        assertThat(p.locator("section.copies").count()).isEqualTo(2);
        p.navigate(site.base + "/pt/unit/S0");
        p.locator("table.kids thead a").nth(1).click();
        assertThat(p.url()).contains("sort=-coverage");
        ctx.close();
    }

    @Test
    void aJournalistFiltersTheDiscrepanciesBySourceAndOpensADisputedStation() {
        for (int[] size : new int[][] {{360, 740}, {1280, 900}}) {
            String tag = size[0] == 360 ? "phone" : "desktop";
            Page p = page(size[0], size[1]);
            p.navigate(site.base + "/en/");
            p.locator("nav.site a", new Page.LocatorOptions().setHasText("Discrepancies"))
                    .click();
            assertThat(p.url()).endsWith("/en/discrepancies");
            assertThat(p.locator("article.disp").count()).isEqualTo(2);
            shot(p, "discrepancies-" + tag);
            p.locator("nav.pick a", new Page.LocatorOptions().setHasText("Witnesses of party A"))
                    .click();
            assertThat(p.url()).endsWith("/en/discrepancies?source=party-a");
            assertThat(p.locator("nav.pick [aria-current=page]").textContent()).isEqualTo("Witnesses of party A");
            assertThat(p.locator("article.disp").count()).isEqualTo(1);
            var article = p.locator("article.disp").first();
            assertThat(article.locator("tr.diff").count()).isEqualTo(2);
            assertThat(article.locator("thead th").allTextContents())
                    .anySatisfy(t -> assertThat(t).startsWith("Electoral authority"))
                    .anySatisfy(t -> assertThat(t).startsWith("Witnesses of party A"));
            shot(p, "discrepancies-party-a-" + tag);
            article.locator("h3 a").click();
            assertThat(p.url()).endsWith("/en/station/" + SampleElection.DISPUTED);
            var c1 = p.locator("section.copies").first();
            assertThat(c1.locator(".st").textContent()).isEqualTo("Disputed");
            assertThat(c1.locator("thead th").allTextContents())
                    .anySatisfy(t -> assertThat(t).startsWith("Electoral authority"))
                    .anySatisfy(t -> assertThat(t).startsWith("Witnesses of party A"));
            assertThat(c1.locator("tr.diff mark").count()).isEqualTo(2);
            p.context().close();
        }
    }

    @Test
    void anObserverSeesTheContradictedFigureOfAnAnnouncementHighlighted() {
        for (int[] size : new int[][] {{360, 740}, {1280, 900}}) {
            Page p = page(size[0], size[1]);
            p.navigate(site.base + "/en/");
            p.locator("nav.site a", new Page.LocatorOptions().setHasText("Announcements"))
                    .click();
            assertThat(p.locator("h2").first().textContent()).isEqualTo("Bulletin <1> of the authority");
            assertThat(p.locator(".verdict.bad").first().textContent()).startsWith("Contradicted by the sheets in");
            // Candidate A may be contradicted too once the live test has posted the held-back sheet: pick B's row.
            var row = p.locator("section.view tr.contra", new Page.LocatorOptions().setHasText("Candidate B"))
                    .first();
            assertThat(row.count()).isEqualTo(1);
            assertThat(row.locator(".fs.contradicted").textContent()).isEqualTo("Contradicted");
            String bg = (String)
                    p.evaluate("() => getComputedStyle(document.querySelector('tr.contra mark')).backgroundColor");
            assertThat(bg).isNotEqualTo("rgba(0, 0, 0, 0)");
            assertThat(p.locator("p.why", new Page.LocatorOptions().setHasText("Candidate B: announced"))
                            .first()
                            .textContent())
                    .endsWith("The announced figure is too high.");
            shot(p, "announcements-" + (size[0] == 360 ? "phone" : "desktop"));
            p.context().close();
        }
    }

    @Test
    void theStatisticsPageDrawsTheFingerprintAndAQuickCountWithScriptsOff() {
        for (int[] size : new int[][] {{360, 740}, {1280, 900}}) {
            var ctx = site.browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                    .setJavaScriptEnabled(false)
                    .setViewportSize(size[0], size[1]));
            Page p = ctx.newPage();
            p.navigate(site.base + "/es/statistics");
            assertThat(p.locator("svg.fpsvg path").count()).isPositive();
            assertThat(p.locator("svg.fpsvg").boundingBox().width).isLessThanOrEqualTo(size[0]);
            p.locator("#qc-seed").fill("dados 6 2 5");
            p.locator("#qc-size").fill("60");
            p.locator("form.qc button").click();
            assertThat(p.url()).contains("/es/statistics?contest=C1&view=official&seed=dados+6+2+5&size=60");
            assertThat(p.locator("#h-qc ~ div table tbody tr").count()).isEqualTo(4);
            shot(p, "statistics-" + (size[0] == 360 ? "phone" : "desktop"));
            ctx.close();
        }
    }
}
