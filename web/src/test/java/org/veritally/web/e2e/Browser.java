package org.veritally.web.e2e;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright: never a downloaded browser. Skips (with the reason
 * shown) when {@code /usr/bin/chromium} is absent; install it with {@code apt-get install -y
 * chromium}.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final List<String> ARGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");
    final Playwright playwright;
    final com.microsoft.playwright.Browser chromium;

    private Browser(Playwright p, com.microsoft.playwright.Browser b) {
        this.playwright = p;
        this.chromium = b;
    }

    static Browser launch() {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM),
                "browser tests skipped: no Chromium at " + CHROMIUM + " (apt-get install -y chromium chromium-driver)");
        Playwright p = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        var b = p.chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(ARGS));
        return new Browser(p, b);
    }

    /** Where screenshots go: {@code web/target/screenshots} under Maven. */
    static Path screenshots() {
        return Path.of(System.getProperty("veritally.screenshots", "target/screenshots"));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
