package org.veritally.web.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.formats.entry.SheetJson;
import org.veritally.server.http.WriteToken;

/**
 * Live push in a real browser (issue 18): an open page listens to {@code /api/events} and, when a sheet is
 * posted, updates the figures of the unit it changed in place, without reload and without polling.
 */
class LiveUpdateBrowserTest {
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

    @Test
    void anOpenPageUpdatesItsFigureFromTheEventStreamWhenASheetIsPosted() throws Exception {
        Page p = site.browser.chromium.newContext().newPage();
        List<String> requests = new CopyOnWriteArrayList<>();
        p.onRequest(r -> requests.add(r.url()));
        p.navigate(site.base + "/en/unit/V0?contest=C1&view=official");
        String sel = "section.result [data-f=stationsReporting]";
        String before = p.locator(sel).textContent();
        assertThat(p.locator("head link[rel=alternate][type='application/atom+xml']"))
                .hasAttribute("href", "/en/feed.atom");
        assertThat(p.locator("html")).hasAttribute("data-live", "events");
        assertThat(requests)
                .as("no figures fetched before anything changed")
                .noneMatch(u -> u.contains("/api/results"));

        String token = Files.readString(dir.resolve(WriteToken.FILE)).strip();
        String entry = new String(
                new SheetJson(site.in.state().requireElection()).encode(site.sample.heldBack), StandardCharsets.UTF_8);
        byte[] body =
                entry.replace(",\"kind\":\"sheet\"", "").replace(",\"v\":1", "").getBytes(StandardCharsets.UTF_8);
        var post = HttpRequest.newBuilder(URI.create(site.base + "/api/sheets"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        var res = HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(res.body()).isEqualTo(201);

        String after = Long.toString(Long.parseLong(before) + 1);
        assertThat(p.locator(sel)).hasText(after, new LocatorAssertions.HasTextOptions().setTimeout(15_000));
        assertThat(requests).anyMatch(u -> u.contains("/api/events?since="));
        assertThat(requests).anyMatch(u -> u.contains("/api/results"));
        assertThat(p.locator("html")).hasAttribute("data-live", "events");
        p.context().close();
    }
}
