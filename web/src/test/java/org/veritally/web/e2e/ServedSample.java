package org.veritally.web.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.veritally.server.Instance;
import org.veritally.server.http.ApiServer;
import org.veritally.server.http.Routes;
import org.veritally.server.http.WriteToken;
import org.veritally.web.SampleElection;
import org.veritally.web.WebSite;

/**
 * What the browser tests share: Debian's Chromium, and the sample election in a real SQLite instance served with
 * the website on loopback. A test may add routes (the log's, for example).
 */
final class ServedSample implements AutoCloseable {
    final Browser browser;
    final Instance in;
    final SampleElection sample;
    final ApiServer server;
    final String base;

    private ServedSample(Browser browser, Instance in, SampleElection sample, ApiServer server) {
        this.browser = browser;
        this.in = in;
        this.sample = sample;
        this.server = server;
        this.base = "http://127.0.0.1:" + server.port();
    }

    /** The sample election served with the website alone. */
    static ServedSample start(Path dir) throws Exception {
        return start(dir, in -> List.of(new WebSite(in)));
    }

    /** The sample election served with the routes {@code routes} gives for its instance. */
    static ServedSample start(Path dir, Function<Instance, List<Routes>> routes) throws Exception {
        Browser browser = Browser.launch();
        Instance in = null;
        try {
            in = Instance.open(dir);
            SampleElection sample = SampleElection.load(in);
            ApiServer server = new ApiServer(in, WriteToken.load(dir), routes.apply(in)).start("127.0.0.1", 0);
            Files.createDirectories(Browser.screenshots());
            return new ServedSample(browser, in, sample, server);
        } catch (Exception | Error e) {
            if (in != null) in.close();
            browser.close();
            throw e;
        }
    }

    @Override
    public void close() {
        server.close();
        in.close();
        browser.close();
    }
}
