package org.veritally.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.web.SampleAudits;
import org.veritally.web.WebSite;

/**
 * Issue 19 in a real browser on a phone (360 px): an audit's page, then a station's tally form reached by its
 * link, which prints alone (print media: no header, navigation or footer; the boxes and signature lines stay) and
 * fits the phone's width; axe finds no serious or critical violation on either page.
 */
class AuditBrowserTest {
    @TempDir
    static Path dir;

    static ServedSample site;
    static Path axe;

    @BeforeAll
    static void start() throws Exception {
        // the audits are recorded once the sample election is loaded, before the site is served
        site = ServedSample.start(dir, in -> {
            SampleAudits.record(in);
            return List.of(new WebSite(in));
        });
        axe = Path.of(AuditBrowserTest.class.getResource("/axe/axe.min.js").toURI());
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
    }

    static String violations(Page p) {
        p.addScriptTag(new Page.AddScriptTagOptions().setPath(axe));
        return (String) p.evaluate(AccessibilityTest.RUN);
    }

    @Test
    void fromTheAuditPageToAStationsTallyFormWhichPrintsAlone() {
        Page p = site.browser
                .chromium
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setViewportSize(360, 800)
                        .setBypassCSP(true)) // for axe's injected script only
                .newPage();
        p.navigate(site.base + "/en/audits");
        p.locator("a[href='/en/audit/" + SampleAudits.MACRO + "']").click();
        assertThat(p.locator("h1").innerText()).startsWith("Audit " + SampleAudits.MACRO);
        assertThat(violations(p)).as("the audit page").isEqualTo("[]");
        p.screenshot(new Page.ScreenshotOptions()
                .setPath(Browser.screenshots().resolve("audit-page-360.png"))
                .setFullPage(true));

        p.locator("#tocount ~ div a[href*='/form/']").first().click();
        assertThat(p.url()).contains("/en/audit/" + SampleAudits.MACRO + "/form/");
        assertThat(p.locator("h1").innerText()).isEqualTo("Hand count tally form");
        assertThat(violations(p)).as("the tally form").isEqualTo("[]");
        assertThat(p.evaluate("() => document.documentElement.scrollWidth")).isEqualTo(360);
        assertThat(p.locator("header.top").isVisible()).isTrue();

        p.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(p.locator("header.top").isVisible())
                .as("no site header in print")
                .isFalse();
        assertThat(p.locator("footer.foot").isVisible())
                .as("no footer in print")
                .isFalse();
        assertThat(p.locator("p.noprint").first().isVisible()).isFalse();
        assertThat(p.locator("td.box").first().isVisible()).isTrue();
        assertThat(p.locator(".sign p").count()).isEqualTo(4);
        assertThat(p.locator("main").innerText()).contains(SampleAudits.SEED);
        p.screenshot(new Page.ScreenshotOptions()
                .setPath(Browser.screenshots().resolve("audit-tally-form-print.png"))
                .setFullPage(true));
        byte[] pdf = p.pdf(new Page.PdfOptions().setFormat("A4"));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        p.context().close();
    }
}
