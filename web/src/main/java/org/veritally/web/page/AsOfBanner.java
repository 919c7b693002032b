package org.veritally.web.page;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.veritally.server.asof.AsOf;
import org.veritally.web.html.Html;

/**
 * The note at the top of a page shown as of an earlier log size: which size and which signed checkpoint
 * it rests on (and when it was signed), that it is not the latest, and a link to the latest page. Added
 * right after the opening {@code <main>}, so the layout (shared with live pages) stays as it is.
 * Stateless.
 */
public final class AsOfBanner {
    static final String MAIN = "<main id=\"main\" class=\"wrap\">";
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private AsOfBanner() {}

    /** {@code page} with the note inserted; {@code latest} is the href of the same page, live. */
    public static String insert(String page, AsOf a, PageContext c, String latest) {
        int at = page.indexOf(MAIN);
        if (at < 0) return page;
        Html h = new Html();
        h.raw("<p class=\"asof\" role=\"note\" data-asof=\"" + a.size() + "\">");
        String cp = a.checkpoint().map(k -> Long.toString(k.treeSize())).orElse("—");
        String when = a.checkpoint()
                .map(k -> UTC.format(Instant.ofEpochMilli(k.createdMs())))
                .orElse("—");
        h.text(c.words().format("asof.banner", c.numbers().count(a.size()), cp, when))
                .raw(" ");
        h.link(latest, c.t("asof.latest"));
        h.raw("</p>");
        int end = at + MAIN.length();
        return page.substring(0, end) + h + page.substring(end);
    }
}
