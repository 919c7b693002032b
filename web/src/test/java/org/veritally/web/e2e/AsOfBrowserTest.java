package org.veritally.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.formats.csv.SheetRow;
import org.veritally.server.intake.DuplicateRows;
import org.veritally.web.SampleElection;

/**
 * Issue 18 in a real browser: a page opened at an earlier checkpoint ({@code /{lang}/at/{N}/…}) shows the
 * numbers of then, after a sheet has moved the live ones, says that it is not the latest (in the reader's
 * language) and links to the latest; its links stay at that checkpoint.
 */
class AsOfBrowserTest {
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

    static String firstCandidateLine(Page p) {
        return p.locator("main li:has(span.who)").first().innerText();
    }

    @Test
    void aPageOpenedAtAnEarlierCheckpointShowsTheOlderNumbersAndSaysSo() {
        long n = site.in.store().logSize();
        Page p = site.browser.chromium.newContext().newPage();
        p.navigate(site.base + "/en/");
        String then = firstCandidateLine(p);

        var o = site.in
                .sequencer()
                .submit(
                        List.of(new SheetRow("held back", Optional.of(site.sample.heldBack), List.of())),
                        "test",
                        new DuplicateRows(),
                        true);
        assertThat(o.rejected()).isEmpty();
        assertThat(site.in.store().logSize()).isGreaterThan(n);

        p.context().close();
        p = site.browser.chromium.newContext().newPage(); // a fresh cache: live pages may be cached for 5 s
        p.navigate(site.base + "/en/");
        assertThat(firstCandidateLine(p)).as("the live overview moved").isNotEqualTo(then);
        assertThat(p.locator("p.asof").count())
                .as("a live page has no as-of note")
                .isZero();

        var r = p.navigate(site.base + "/en/at/" + n + "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(firstCandidateLine(p)).as("the overview as of %d", n).isEqualTo(then);
        var note = p.locator("p.asof");
        assertThat(note.innerText()).contains("As of log size", "checkpoint " + n, "not the latest");
        assertThat(note.locator("a").getAttribute("href")).isEqualTo("/en/");
        p.screenshot(new Page.ScreenshotOptions()
                .setPath(Browser.screenshots().resolve("asof-overview.png"))
                .setFullPage(true));

        p.locator("section[aria-labelledby=h-regions] a").first().click();
        assertThat(p.url()).contains("/en/at/" + n + "/unit/");
        assertThat(p.locator("p.asof").count()).isEqualTo(1);

        p.navigate(site.base + "/en/at/" + n + "/station/" + SampleElection.HELD_BACK);
        assertThat(p.locator("p.asof").count()).isEqualTo(1);
        p.navigate(site.base + "/en/station/" + SampleElection.HELD_BACK);
        assertThat(p.locator("p.asof").count()).isZero();

        p.navigate(site.base + "/en/diff?from=" + n);
        assertThat(p.locator("#h-added").innerText()).isEqualTo("Sheets added: 1");
        assertThat(p.locator("section[aria-labelledby=h-added] a").getAttribute("href"))
                .isEqualTo("/en/at/" + site.in.store().logSize() + "/station/" + SampleElection.HELD_BACK);
        assertThat(p.locator("#h-moved").count()).isEqualTo(1);
        assertThat(p.navigate(site.base + "/en/diff?from=0").status()).isEqualTo(404);

        var checkpoints = new org.veritally.store.CheckpointQueries(site.in.store());
        long inside = n - 1;
        while (checkpoints.note(inside).isPresent()) inside--;
        long above = checkpoints.firstCovering(inside - 1).orElseThrow().treeSize();
        p.navigate(site.base + "/en/at/" + inside + "/");
        assertThat(p.locator("p.asof").innerText())
                .as("a size that is not a checkpoint names the first checkpoint above it")
                .contains("inside checkpoint " + above, "not the latest");

        p.navigate(site.base + "/es/at/" + n + "/");
        assertThat(p.locator("p.asof").innerText()).contains("No son los resultados más recientes");
        assertThat(p.navigate(site.base + "/en/at/" + (site.in.store().logSize() + 5) + "/")
                        .status())
                .isEqualTo(404);
        p.context().close();
    }
}
