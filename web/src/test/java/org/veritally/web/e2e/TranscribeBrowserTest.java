package org.veritally.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.server.auth.Role;
import org.veritally.server.evidence.Filing;
import org.veritally.testkit.Seeds;
import org.veritally.web.PhonePhotos;
import org.veritally.web.SampleElection;

/**
 * Volunteers on a 360 px phone screen, in a real browser against the real server (issue 14): two volunteers
 * transcribe the same photo differently, with the keyboard only (the first figure has the focus, Tab moves
 * on, Enter sends; the page's script flags TS-SUM as it is typed and asks for the confirmation); a third
 * settles it by typing the same figures as the first (2 of 3 agree); the station page then shows the agreed
 * copy (party-a's copy at the index of the entry that completed the agreement) and the history of the three
 * transcriptions. Every page fits the screen. The tests share one queue, so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TranscribeBrowserTest {
    @TempDir
    static Path dir;

    static ServedSample site;

    static final String STATION = SampleElection.DISPUTED_2; // party-a has no C1 copy of it

    @BeforeAll
    static void start() throws Exception {
        site = ServedSample.start(dir);
        site.in.accounts().create("wit-tr", Role.WITNESS, "party-a", Optional.empty());
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
    }

    static Page phone() {
        BrowserContext ctx = site.browser.chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(360, 740)
                .setIsMobile(true)
                .setHasTouch(true));
        return ctx.newPage();
    }

    /**
     * Signs {@code volunteer} site.in, types {@code votes}, {@code valid} and 3 null votes with the keyboard, sends
     * with Enter, and returns the log index the page says the work was recorded at.
     */
    static long transcribe(String volunteer, String photo, long[] votes, long valid, String shot) {
        String token = site.in
                .accounts()
                .create(volunteer, Role.TRANSCRIBER, "", Optional.empty())
                .token();
        Page p = phone();
        p.navigate(site.base + "/en/transcribe");
        p.locator("#tr-token").fill(token);
        p.keyboard().press("Enter");
        Locator form = p.locator("#tr-form");
        assertThat(form.locator("input[name=photo]").getAttribute("value")).isEqualTo(photo);
        assertThat(p.locator("#tr-photo").getAttribute("src")).startsWith("/evidence/");
        BrowserTest.fitsTheScreen(p);
        assertThat(p.evaluate("() => document.activeElement.id")).isEqualTo("tr-v-C1-L1");
        for (int i = 0; i < votes.length; i++) {
            p.keyboard().type(Long.toString(votes[i]));
            p.keyboard().press("Tab");
        }
        // one more than the votes add up to: the script names TS-SUM and asks for the confirmation
        p.keyboard().type(Long.toString(valid + 1));
        p.keyboard().press("Tab");
        p.keyboard().type("3");
        Locator check = p.locator("#tr-check.bad");
        assertThat(check.textContent()).contains("TS-SUM");
        p.locator("#tr-confirm").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        p.locator("#tr-valid").fill(Long.toString(valid));
        assertThat(p.locator("#tr-check.good").textContent()).isNotEmpty();
        p.locator("#tr-confirm-p").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
        if (!shot.isEmpty())
            p.screenshot(new Page.ScreenshotOptions()
                    .setPath(Browser.screenshots().resolve(shot + ".png"))
                    .setFullPage(true));
        p.locator("#tr-null").press("Enter");
        Locator done = p.locator("#tr-done");
        String text = done.textContent();
        assertThat(text).startsWith("Recorded at log index ");
        assertThat(p.locator("#tr-none").isVisible()).isTrue();
        BrowserTest.fitsTheScreen(p);
        p.context().close();
        return Long.parseLong(text.replaceAll("[^0-9]", ""));
    }

    @Test
    @Order(1)
    void twoVolunteersDifferAThirdSettlesItAndTheStationPageShowsTheAgreedCopyAndTheHistory() {
        byte[] bytes = PhonePhotos.of(STATION, Seeds.seed("transcribe-browser-photo", 31));
        var filed = site.in
                .evidenceIntake()
                .file(bytes, new Filing(STATION, Optional.of("C1"), "party-a", "wit-tr", Optional.empty()), "photo");
        assertThat(filed.accepted()).as(filed.problems().toString()).isTrue();
        String photo = PhonePhotos.sha256(bytes);

        long[] truth = {120, 80, 40, 20, 10};
        long[] misread = {120, 80, 40, 20, 16};
        long first = transcribe("vol-ann", photo, truth, 270, "transcribe-phone");
        long second = transcribe("vol-bob", photo, misread, 276, "");
        long third = transcribe("vol-cat", photo, truth, 270, "");
        assertThat(List.of(first, second, third)).isSorted().doesNotHaveDuplicates();

        Page p = phone();
        p.navigate(site.base + "/en/station/" + STATION);
        Locator history = p.locator("#transcriptions");
        assertThat(history.locator(".transcribed-summary").textContent())
                .contains("agreed")
                .contains("typed by 3 people");
        Locator rows = history.locator("table.transcriptions tbody tr");
        assertThat(rows.count()).isEqualTo(3);
        assertThat(rows.nth(0).textContent()).contains("vol-ann").contains("270");
        assertThat(rows.nth(1).textContent()).contains("vol-bob").contains("276");
        assertThat(rows.nth(2).textContent()).contains("vol-cat").contains("270");
        // the agreed copy: party-a's copy of C1, at the index of the entry that completed the agreement
        Locator c1 = p.locator("section.copies").first();
        assertThat(c1.locator("thead").textContent()).contains(String.format("%,d", third));
        assertThat(c1.textContent()).contains("120").contains("270");
        BrowserTest.shot(p, "transcribed-station-phone");
        p.context().close();
    }

    /** The task form with its photo passes axe (WCAG 2.1 AA, serious or critical) at 360 px. */
    @Test
    @Order(2)
    void theTaskFormHasNoSeriousAccessibilityViolations() throws Exception {
        byte[] bytes = PhonePhotos.of("P4", Seeds.seed("transcribe-browser-axe", 32));
        var filed = site.in
                .evidenceIntake()
                .file(bytes, new Filing("P4", Optional.of("C1"), "party-a", "wit-tr", Optional.empty()), "photo");
        assertThat(filed.accepted()).isTrue();
        String token = site.in
                .accounts()
                .create("vol-axe", Role.TRANSCRIBER, "", Optional.empty())
                .token();
        // the Content-Security-Policy forbids axe's injected script: bypassed for the audit only
        Page p = site.browser
                .chromium
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setViewportSize(360, 740)
                        .setBypassCSP(true))
                .newPage();
        p.navigate(site.base + "/pt/transcribe");
        p.locator("#tr-token").fill(token);
        p.keyboard().press("Enter");
        p.locator("#tr-form").waitFor();
        p.addScriptTag(new Page.AddScriptTagOptions()
                .setPath(Path.of(getClass().getResource("/axe/axe.min.js").toURI())));
        assertThat((String) p.evaluate(AccessibilityTest.RUN)).isEqualTo("[]");
        p.context().close();
    }
}
