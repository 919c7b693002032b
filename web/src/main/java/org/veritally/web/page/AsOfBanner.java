package org.veritally.web.page;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.veritally.server.asof.AsOf;
import org.veritally.server.read.TreeAsOf;
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
        return insert(page, new TreeAsOf(a.size(), a.rootHex(), a.checkpoint()), c, latest);
    }

    /** {@code page} with the note for a page resting on the tree {@code a} (a view that needs no replayed state). */
    public static String insert(String page, TreeAsOf a, PageContext c, String latest) {
        int at = page.indexOf(MAIN);
        if (at < 0) return page;
        Html h = new Html();
        h.raw("<p class=\"asof\" role=\"note\" data-asof=\"" + a.size() + "\">");
        String size = c.numbers().count(a.size());
        if (a.checkpoint().isEmpty()) h.text(c.words().format("asof.banner.unsigned", size));
        else {
            var k = a.checkpoint().get();
            String when = UTC.format(Instant.ofEpochMilli(k.createdMs()));
            // a size that is not itself a checkpoint rests on the first one above it, which holds it as a prefix;
            // the checkpoint's size is written as the log names it (/log/checkpoint), without separators
            String key = a.exact() ? "asof.banner" : "asof.banner.within";
            h.text(c.words().format(key, size, Long.toString(k.treeSize()), when));
        }
        h.raw(" ");
        h.link(latest, c.t("asof.latest"));
        h.raw("</p>");
        int end = at + MAIN.length();
        return page.substring(0, end) + h + page.substring(end);
    }
}
