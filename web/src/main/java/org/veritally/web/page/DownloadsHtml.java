package org.veritally.web.page;

import java.util.Optional;
import org.veritally.web.html.Html;
import org.veritally.web.link.PageRef;
import org.veritally.web.model.DownloadsPage;

/**
 * Renders the downloads page: only what exists now (the SQLite file, the JSON API and the log's
 * endpoints, the pages that list disputes, announcements and statistics), and how to check it
 * ({@code bin/veritally verify}). On a static mirror: the mirror's files instead of the database and
 * the API, and the command that checks the mirror.
 */
public final class DownloadsHtml {
    private DownloadsHtml() {}

    public static String render(DownloadsPage p, PageContext c) {
        Html h = new Html(4_096);
        Layout.open(h, c, c.t("downloads.title"), false);
        h.element("h1", c.t("downloads.title"));
        if (c.links().isStatic()) {
            mirror(h, c, p);
            Layout.close(h, c, p.election().logSize());
            return h.toString();
        }
        h.element("h2", c.t("downloads.db"));
        h.element("p", c.t("downloads.db.what"));
        if (p.databaseBytes().isPresent()) {
            h.raw("<p>")
                    .link(c.links().database(), "veritally.db", "download", "veritally.db")
                    .raw(" (")
                    .text(c.words()
                            .format(
                                    "downloads.bytes",
                                    c.numbers().count(p.databaseBytes().get())))
                    .raw(")</p>");
        } else {
            h.element("p", c.t("downloads.db.none"));
        }
        h.element("h2", c.t("downloads.api"));
        h.element("p", c.t("downloads.api.what"));
        h.raw("<ul class=\"code\"><li><code>/api/election</code></li><li><code>/api/results?u"
                        + "nit=&amp;contest=&amp;view=</code></li>")
                .raw("<li><code>/api/units/{id}</code></li><li><code>/api/stations/{id}</code></li>")
                .raw("<li><code>/api/discrepancies?unit=&amp;source=</code></li><li><code>/api/annou"
                        + "ncements</code></li>")
                .raw("<li><code>/api/stats/forensics?contest=&amp;view=</code></li><li><code>/api/st"
                        + "ats/forensics/fingerprint.svg?contest=&amp;view=</code></li>")
                .raw("<li><code>/api/stats/quickcount?seed=&amp;size=&amp;contest=&amp;view=</code><"
                        + "/li><li><code>/api/stats/irreversible?contest=&amp;view=</code></li>")
                .raw("<li><code>/log/checkpoint</code>, <code>/log/tile/…</code>, "
                        + "<code>/log/receipt/{index}</code></li></ul>");
        pages(h, c);
        h.element("h2", c.t("downloads.verify"));
        h.element("p", c.t("downloads.verify.what"));
        h.raw("<pre><code>bin/veritally verify</code></pre>");
        Layout.close(h, c, p.election().logSize());
        return h.toString();
    }

    /** A static mirror's downloads: its own files, each with its size, and how to check the mirror. */
    private static void mirror(Html h, PageContext c, DownloadsPage p) {
        h.element("h2", c.t("downloads.files"));
        h.element("p", c.words().format("downloads.files.what", c.numbers().count(p.checkpointSize())));
        h.raw("<ul>");
        for (DownloadsPage.MirrorFile f : p.files()) {
            h.raw("<li>");
            String name = f.path().substring(f.path().lastIndexOf('/') + 1);
            h.link(c.links().publicationFile(f.path()).orElseThrow(), f.path(), "download", name)
                    .raw(": ")
                    .text(c.words().format(f.messageKey(), f.argument()));
            if (f.bytes() >= 0)
                h.raw(" (")
                        .text(c.words().format("downloads.bytes", c.numbers().count(f.bytes())))
                        .raw(")");
            h.raw("</li>");
        }
        h.raw("</ul>");
        pages(h, c);
        h.element("h2", c.t("downloads.verify"));
        h.element("p", c.t("downloads.verify.mirror"));
        h.raw("<pre><code>bin/veritally verify https://THIS-MIRROR/ --key log.vkey</code></pre>");
    }

    private static void pages(Html h, PageContext c) {
        h.element("h2", c.t("downloads.pages"));
        h.element("p", c.t("downloads.pages.what"));
        h.raw("<ul>");
        h.raw("<li>")
                .link(c.href(PageRef.discrepancies(Optional.empty(), Optional.empty())), c.t("discrepancies.title"))
                .raw("</li>");
        h.raw("<li>")
                .link(c.href(PageRef.announcements()), c.t("announce.title"))
                .raw("</li>");
        h.raw("<li>")
                .link(c.href(PageRef.statistics(Optional.empty(), Optional.empty())), c.t("stats.title"))
                .raw("</li>");
        h.raw("</ul>");
    }
}
