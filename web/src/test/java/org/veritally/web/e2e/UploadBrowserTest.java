package org.veritally.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.server.auth.Role;
import org.veritally.testkit.Seeds;
import org.veritally.web.PhonePhotos;
import org.veritally.web.WebSite;

/**
 * A witness's journey on a 360 px phone screen, in a real browser against the real server: open the
 * upload page, type the token and the station, attach a photo of the sheet (a JPEG with GPS EXIF),
 * send, read the receipt (log index, the SHA-256 of the very file sent), then find the photo on the
 * station's page beside the numbers of the sheets, loaded. The same upload with scripts off. And an
 * accessibility audit (axe) of the receipt and of a station page with a photo.
 */
class UploadBrowserTest {
    @TempDir
    static Path dir;

    static ServedSample site;

    static String witness;

    @BeforeAll
    static void start() throws Exception {
        site = ServedSample.start(
                dir,
                in -> List.of(
                        new org.veritally.server.log.LogRoutes(
                                in.store(), in.keys(), org.veritally.server.log.Witnesses.load(dir)),
                        new WebSite(in)));
        witness = site.in
                .accounts()
                .create("wit-phone", Role.WITNESS, "party-a", Optional.empty())
                .token();
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
    }

    static BrowserContext phone(boolean scripts, boolean bypassCsp) {
        return site.browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(360, 740)
                .setIsMobile(scripts)
                .setHasTouch(scripts)
                .setJavaScriptEnabled(scripts)
                .setBypassCSP(bypassCsp));
    }

    /** Fills and sends the form; returns the receipt's public SHA-256 after checking its index and hash. */
    static String fileAPhoto(Page p, String station, byte[] photo) {
        long expected = site.in.state().logSize();
        p.navigate(site.base + "/en/upload");
        p.locator("#up-token").fill(witness);
        p.locator("#up-station").fill(station);
        p.locator("#up-contest").selectOption("C1");
        p.locator("#up-photo").setInputFiles(new FilePayload("IMG_0001.jpg", "image/jpeg", photo));
        BrowserTest.fitsTheScreen(p);
        p.locator("form.upload button[type=submit]").click();
        Locator index = p.locator("dl.receipt .index");
        assertThat(index.getAttribute("data-index")).isEqualTo(Long.toString(expected));
        assertThat(index.textContent()).isEqualTo(String.format("%,d", expected));
        assertThat(p.locator("dl.receipt code.sha").textContent()).isEqualTo(PhonePhotos.sha256(photo));
        assertThat(p.locator("pre.proof").textContent()).contains("index " + expected);
        return p.locator("dl.receipt code.psha").textContent();
    }

    /** Waits until {@code img} has loaded, scrolling it into view first (it may load lazily). */
    static int loadedWidth(Locator img) {
        img.scrollIntoViewIfNeeded();
        img.page()
                .waitForFunction(
                        "e => e.complete && e.naturalWidth > 0",
                        img.elementHandle(),
                        new Page.WaitForFunctionOptions().setTimeout(20_000));
        return ((Number) img.evaluate("e => e.naturalWidth")).intValue();
    }

    @Test
    void aWitnessFilesAPhotoOnAPhoneAndTheStationPageShowsItBesideTheNumbers() {
        byte[] photo = PhonePhotos.of("P3", Seeds.seed("upload-browser-photo", 21));
        BrowserContext ctx = phone(true, false);
        Page p = ctx.newPage();
        String pub = fileAPhoto(p, "P3", photo);
        assertThat(loadedWidth(p.locator("figure.photo img"))).isEqualTo(800);
        p.screenshot(new Page.ScreenshotOptions()
                .setPath(Browser.screenshots().resolve("upload-receipt-phone.png"))
                .setFullPage(true));

        p.locator("dl.receipt a", new Page.LocatorOptions().setHasText("P3")).click();
        assertThat(p.url()).endsWith("/en/station/P3");
        Locator copies = p.locator("section.copies").first();
        assertThat(copies.locator("tbody tr").count()).isGreaterThan(3);
        Locator thumb = copies.locator("thead a.thumb img");
        assertThat(thumb.count()).isEqualTo(1);
        assertThat(thumb.getAttribute("src")).isEqualTo("/evidence/" + pub);
        assertThat(thumb.getAttribute("loading")).isEqualTo("lazy");
        assertThat(loadedWidth(thumb)).isEqualTo(800);
        Locator full = p.locator("section.photos figure img");
        assertThat(full.getAttribute("src")).isEqualTo("/evidence/" + pub);
        assertThat(full.getAttribute("width")).isEqualTo("480");
        assertThat(full.getAttribute("height")).isEqualTo("360");
        assertThat(loadedWidth(full)).isEqualTo(800);
        assertThat(p.locator("section.photos").textContent()).contains(PhonePhotos.sha256(photo));
        assertThat((Number) full.evaluate("e => e.getBoundingClientRect().width"))
                .as("scaled down to the phone's screen")
                .satisfies(w -> assertThat(w.doubleValue()).isLessThanOrEqualTo(360));
        copies.screenshot(new Locator.ScreenshotOptions()
                .setPath(Browser.screenshots().resolve("station-photo-copies-phone.png")));
        p.locator("section.photos")
                .screenshot(new Locator.ScreenshotOptions()
                        .setPath(Browser.screenshots().resolve("station-photo-section-phone.png")));
        BrowserTest.shot(p, "station-photo-phone");
        ctx.close();
    }

    @Test
    void theUploadWorksWithScriptsOff() {
        byte[] photo = PhonePhotos.of("P4", Seeds.seed("upload-browser-nojs", 22));
        BrowserContext ctx = phone(false, false);
        Page p = ctx.newPage();
        String pub = fileAPhoto(p, "P4", photo);
        p.navigate(site.base + "/en/station/P4");
        assertThat(p.locator("section.copies thead a.thumb img").first().getAttribute("src"))
                .isEqualTo("/evidence/" + pub);
        ctx.close();
    }

    @Test
    void theReceiptAndAStationWithAPhotoPassTheAccessibilityAudit() throws Exception {
        Path axe =
                Path.of(UploadBrowserTest.class.getResource("/axe/axe.min.js").toURI());
        BrowserContext ctx = phone(true, true);
        Page p = ctx.newPage();
        fileAPhoto(p, "P5", PhonePhotos.of("P5", Seeds.seed("upload-browser-axe", 23)));
        for (String path : List.of("", "/en/station/P5", "/es/upload")) {
            if (!path.isEmpty()) p.navigate(site.base + path);
            p.addScriptTag(new Page.AddScriptTagOptions().setPath(axe));
            assertThat((String) p.evaluate(AccessibilityTest.RUN))
                    .as(path.isEmpty() ? "receipt" : path)
                    .isEqualTo("[]");
        }
        ctx.close();
    }
}
