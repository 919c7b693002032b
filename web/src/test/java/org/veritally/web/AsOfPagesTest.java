package org.veritally.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.formats.csv.SheetRow;
import org.veritally.server.Instance;
import org.veritally.server.intake.DuplicateRows;
import org.veritally.web.i18n.Lang;
import org.veritally.web.i18n.Messages;

/**
 * Issue 18: the disputed stations, the announcements and the statistics pages have a permanent address as of
 * log size N ({@code /{lang}/at/{N}/…}); each says in the reader's language that it shows an earlier state and
 * links to the latest, keeps its links at N (its JSON links ask the API for the same size), and shows what
 * stood then: an announcement entered after N is not on it. The diff page's language links keep the diff.
 */
class AsOfPagesTest {
    @TempDir
    static Path dir;

    static Instance in;
    static SampleElection sample;
    static SiteRenderer renderer;
    static long beforeAnnouncement;
    static long beforeHeldBack;

    @BeforeAll
    static void load() {
        in = Instance.open(dir);
        sample = SampleElection.load(in);
        beforeAnnouncement = in.store().logSize() - 1; // the sample's announcement is its last entry
        beforeHeldBack = in.store().logSize();
        var o = in.sequencer()
                .submit(
                        List.of(new SheetRow("held back", Optional.of(sample.heldBack), List.of())),
                        "test",
                        new DuplicateRows(),
                        true);
        assertThat(o.rejected()).isEmpty();
        renderer = new WebSite(in).renderer();
    }

    @AfterAll
    static void close() {
        if (in != null) in.close();
    }

    static String at(Lang lang, long n, String path, Map<String, String> query) {
        RenderedPage p = renderer.renderAt(lang, n, path, query);
        assertThat(p.status()).as("%s at %d", path, n).isEqualTo(200);
        return p.html();
    }

    @Test
    void eachViewAsOfNSaysItIsAnEarlierStateInEveryLanguageAndLinksToTheLatest() {
        for (String path : List.of("discrepancies", "announcements", "statistics"))
            for (Lang lang : Lang.values()) {
                String html = at(lang, beforeHeldBack, path, Map.of());
                String latest = Messages.of(lang).get("asof.latest");
                assertThat(html)
                        .as("%s in %s", path, lang)
                        .contains("<p class=\"asof\" role=\"note\" data-asof=\"" + beforeHeldBack + "\">")
                        .contains("href=\"/" + lang.code() + "/" + path + "\">" + latest + "</a>");
                assertThat(html)
                        .as("the language switcher stays at N")
                        .contains("href=\"/" + (lang == Lang.EN ? "es" : "en") + "/at/" + beforeHeldBack + "/" + path);
            }
    }

    @Test
    void theStatisticsPageAsOfNLinksItsJsonAtTheSameSize() {
        String html = at(Lang.EN, beforeHeldBack, "statistics", Map.of("view", "consensus"));
        assertThat(html).contains("/api/stats/forensics?contest=C1&amp;view=consensus&amp;at=" + beforeHeldBack);
        assertThat(html).contains("/api/stats/forensics/fingerprint.svg?contest=C1&amp;view=consensus&amp;at=");
    }

    @Test
    void anAnnouncementEnteredAfterNIsNotOnTheAnnouncementsPageAsOfN() {
        String live = renderer.render(Lang.EN, "announcements", Map.of()).html();
        assertThat(live).contains("Bulletin &lt;1&gt; of the authority");
        assertThat(at(Lang.EN, beforeHeldBack, "announcements", Map.of()))
                .contains("Bulletin &lt;1&gt; of the authority");
        assertThat(at(Lang.EN, beforeAnnouncement, "announcements", Map.of()))
                .doesNotContain("Bulletin &lt;1&gt; of the authority");
    }

    @Test
    void theDisputedStationsAsOfNLinkToStationsAsOfN() {
        String html = at(Lang.EN, beforeHeldBack, "discrepancies", Map.of());
        assertThat(html).contains("href=\"/en/at/" + beforeHeldBack + "/station/" + SampleElection.DISPUTED + "\"");
    }

    @Test
    void theDiffPagesLanguageLinksKeepItsSizesAndView() {
        long to = in.store().logSize();
        RenderedPage p = renderer.renderDiff(
                Lang.EN, Map.of("from", Long.toString(beforeHeldBack), "to", Long.toString(to), "view", "consensus"));
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.html())
                .contains("href=\"/es/diff?view=consensus&amp;from=" + beforeHeldBack + "&amp;to=" + to + "\"")
                .contains("href=\"/pt/diff?view=consensus&amp;from=" + beforeHeldBack + "&amp;to=" + to + "\"");
        assertThat(renderer.render(Lang.ES, "diff", Map.of("from", Long.toString(beforeHeldBack)))
                        .status())
                .as("the switcher's address renders the same diff")
                .isEqualTo(200);
    }
}
