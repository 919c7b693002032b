package org.veritally.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.veritally.core.model.Choice;
import org.veritally.core.model.Contest;
import org.veritally.server.Instance;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.WriteToken;
import org.veritally.web.i18n.Lang;
import org.veritally.web.i18n.Messages;

/**
 * The audit pages (issue 19, docs/audit.md) over real HTTP on loopback, in every language: the index linked from
 * every page's sections, an audit's definition, rounds, stations to count with their station pages and tally
 * forms, a full hand count's result, and the printable tally form itself.
 */
class AuditPagesHttpTest {
    @TempDir
    static Path dir;

    static Instance in;
    static ApiServer server;
    static SampleAudits audits;

    @BeforeAll
    static void start() throws Exception {
        in = Instance.open(dir);
        SampleElection.load(in);
        audits = SampleAudits.record(in);
        server = new ApiServer(in, WriteToken.load(dir), List.of(new WebSite(in))).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        in.close();
    }

    static final HttpClient http = HttpClient.newHttpClient();

    static String page(String path, int status) throws Exception {
        var r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(status);
        return r.body();
    }

    static int count(String html, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(html);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void theIndexListsEveryAuditAndEveryPageLinksToIt(Lang lang) throws Exception {
        Messages w = Messages.of(lang);
        String l = lang.code();
        assertThat(page("/" + l + "/", 200)).contains("href=\"/" + l + "/audits\"", w.get("nav.audits"));
        String index = page("/" + l + "/audits", 200);
        assertThat(index)
                .contains("<html lang=\"" + l + "\">", w.get("audits.title"))
                .contains("href=\"/" + l + "/audit/" + SampleAudits.MACRO + "\"")
                .contains("href=\"/" + l + "/audit/" + SampleAudits.FULL + "\"")
                .contains("href=\"/" + l + "/audit/" + SampleAudits.BRAVO + "\"")
                .contains(w.get("audit.state.counting"), w.get("audit.state.full-hand-count"))
                .contains(w.get("audit.method.macro"), w.get("audit.method.bravo"));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void anAuditsPageShowsItsDefinitionProgressAndTheStationsToCount(Lang lang) throws Exception {
        Messages w = Messages.of(lang);
        String l = lang.code();
        String html = page("/" + l + "/audit/" + SampleAudits.MACRO, 200);
        var status = in.auditRecorder().status(SampleAudits.MACRO).orElseThrow();
        var current = status.current().orElseThrow();
        assertThat(html)
                .contains(w.format("audit.title", SampleAudits.MACRO), w.get("audit.state.counting"))
                .contains(status.seedCommitment(), SampleAudits.SEED, "(0.10)")
                .contains(w.get("audit.method.macro"), w.get("audit.rounds.none"))
                .contains("href=\"/" + l + "/station/" + audits.counted + "\"")
                .contains("href=\"/" + l + "/audit/" + SampleAudits.MACRO + "/form/" + audits.toCount + "\"");
        assertThat(count(html, "href=\"/" + l + "/audit/" + SampleAudits.MACRO + "/form/"))
                .as("a tally form for every drawn station")
                .isEqualTo(current.stations().size());
        assertThat(count(html, "<td>" + w.get("audit.counted")))
                .as("the one station counted")
                .isEqualTo(1);
        assertThat(html).contains("href=\"/api/audits/" + SampleAudits.MACRO + "\"");
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void aCompleteFullHandCountStandsAsTheAuditsResult(Lang lang) throws Exception {
        Messages w = Messages.of(lang);
        String html = page("/" + lang.code() + "/audit/" + SampleAudits.FULL, 200);
        var full = in.auditRecorder()
                .status(SampleAudits.FULL)
                .orElseThrow()
                .fullCount()
                .orElseThrow();
        assertThat(full.result()).isEqualTo("confirmed");
        Contest c2 = in.state().requireElection().contest("C2").orElseThrow();
        String winner = c2.choices().stream()
                .filter(c -> c.id().equals(full.reportedWinners().get(0)))
                .findFirst()
                .orElseThrow()
                .name();
        assertThat(html)
                .contains(w.get("audit.state.full-hand-count"), w.get("audit.decision.full-hand-count"))
                .contains(org.veritally.web.html.Html.escape(w.format("audit.full.confirmed", winner)))
                .contains(w.format("audit.full.progress", "600", "600"));
        assertThat(html).as("nothing left to count").doesNotContain("/form/");
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void theTallyFormHasABoxForEveryChoiceTheAuditIdAndSeedAndTheBoardsSignatures(Lang lang) throws Exception {
        Messages w = Messages.of(lang);
        String l = lang.code();
        String html = page("/" + l + "/audit/" + SampleAudits.MACRO + "/form/" + audits.toCount, 200);
        Contest c1 = in.state().requireElection().contest("C1").orElseThrow();
        assertThat(html)
                .contains(w.get("form.title"), SampleAudits.MACRO, SampleAudits.SEED)
                .contains("href=\"/" + l + "/station/" + audits.toCount + "\"")
                .contains(w.format("form.member", "1"), w.format("form.member", "2"), w.get("form.observer"));
        for (Choice ch : c1.choices()) assertThat(html).contains(ch.name());
        assertThat(count(html, "<td class=\"box\"></td>"))
                .as("a box per choice and one for the total")
                .isEqualTo(c1.choices().size() + 1);
    }

    @Test
    void aBallotPollingFormListsTheDrawnBallotsOfTheStation() throws Exception {
        var cur = in.auditRecorder()
                .status(SampleAudits.BRAVO)
                .orElseThrow()
                .current()
                .orElseThrow();
        var st = cur.stations().get(0);
        String html = page("/en/audit/" + SampleAudits.BRAVO + "/form/" + st.station(), 200);
        assertThat(count(html, "<td class=\"box\"></td>"))
                .isEqualTo(st.ballots().size());
        for (long b : st.ballots()) assertThat(html).contains("<th scope=\"row\">" + b + "</th>");
    }

    @Test
    void anUnknownAuditOrStationIsAFriendly404() throws Exception {
        assertThat(page("/es/audit/nope", 404)).contains(Messages.of(Lang.ES).format("notfound.audit", "nope"));
        assertThat(page("/en/audit/" + SampleAudits.MACRO + "/form/NOPE", 404))
                .contains(Messages.of(Lang.EN).format("notfound.station", "NOPE"));
        page("/en/audit/" + SampleAudits.MACRO + "/form", 404);
        page("/en/audit/" + SampleAudits.MACRO + "/x/P1", 404);
    }
}
