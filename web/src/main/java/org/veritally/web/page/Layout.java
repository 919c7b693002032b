package org.veritally.web.page;

import java.util.Optional;
import org.veritally.web.html.Html;
import org.veritally.web.i18n.Lang;
import org.veritally.web.link.PageRef;

/**
 * The shell every page shares: {@code lang} attribute, viewport, the stylesheet, a skip link, the
 * header (site name, search form, language switcher pointing at this same page in each language,
 * and the site's sections: results, discrepancies, announcements, audits, statistics, downloads), and the
 * footer (log size, downloads, and on the live site the upload form for photos of sheets, the transcription
 * page and the campaign's progress; on a
 * static mirror the manifest instead of the log size). The head names the Atom feed in the page's language as
 * its alternate. The
 * live-update script is added only to live pages with live figures, deferred, so pages work fully
 * without it.
 */
public final class Layout {
    private Layout() {}

    /** Writes everything up to and including the opening {@code <main>}. */
    public static void open(Html h, PageContext c, String title, boolean live) {
        h.raw("<!doctype html>\n")
                .open("html", "lang", c.lang().code())
                .raw("<head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><link "
                        + "rel=\"icon\" href=\"data:,\">")
                .element("title", title + " · Veritally")
                .open(
                        "link",
                        "rel",
                        "stylesheet",
                        "href",
                        c.links().asset(c.assets().css()));
        for (Lang l : c.links().languages())
            h.open(
                    "link",
                    "rel",
                    "alternate",
                    "hreflang",
                    l.code(),
                    "href",
                    c.links().page(l, c.self()));
        h.open(
                "link",
                "rel",
                "alternate",
                "type",
                "application/atom+xml",
                "title",
                "Veritally",
                "href",
                c.links().feed(c.lang()));
        if (live && !c.links().isStatic())
            h.open("script", "defer", "", "src", c.links().asset(c.assets().js()))
                    .close("script");
        h.raw("</head><body>");
        h.link("#main", c.t("a11y.skip"), "class", "skip");
        h.raw("<header class=\"top\"><div class=\"wrap\">");
        h.link(c.href(PageRef.home()), "Veritally", "class", "brand");
        if (c.links().hasSearch()) searchForm(h, c, "", "q");
        languages(h, c);
        h.raw("</div>");
        sections(h, c);
        h.raw("</header>");
        h.raw("<main id=\"main\" class=\"wrap\">");
    }

    /** The search form: a labelled input and a button; GET, so results have a permanent URL. */
    public static void searchForm(Html h, PageContext c, String value, String id) {
        h.open("form", "class", "search", "role", "search", "method", "get", "action", c.href(PageRef.search("")));
        h.open("label", "for", id, "class", "sr").text(c.t("search.label")).close("label");
        h.open(
                "input",
                "id",
                id,
                "name",
                "q",
                "type",
                "search",
                "value",
                value,
                "placeholder",
                c.t("search.placeholder"),
                "autocomplete",
                "off");
        h.element("button", c.t("search.button"), "type", "submit");
        h.close("form");
    }

    /** The site's sections; the one being shown is marked with {@code aria-current}. */
    private static void sections(Html h, PageContext c) {
        h.open("nav", "class", "site wrap", "aria-label", c.t("nav.sections")).raw("<ul>");
        section(h, c, PageRef.home(), PageRef.Kind.OVERVIEW, "nav.results");
        section(
                h,
                c,
                PageRef.discrepancies(Optional.empty(), Optional.empty()),
                PageRef.Kind.DISCREPANCIES,
                "nav.discrepancies");
        section(h, c, PageRef.announcements(), PageRef.Kind.ANNOUNCEMENTS, "nav.announcements");
        section(h, c, PageRef.audits(), PageRef.Kind.AUDITS, "nav.audits");
        section(
                h,
                c,
                PageRef.statistics(Optional.empty(), Optional.empty()),
                PageRef.Kind.STATISTICS,
                "nav.statistics");
        section(h, c, PageRef.downloads(), PageRef.Kind.DOWNLOADS, "nav.downloads");
        h.raw("</ul></nav>");
    }

    private static void section(Html h, PageContext c, PageRef target, PageRef.Kind kind, String key) {
        h.raw("<li>");
        if (c.self().kind() == kind)
            h.open("a", "href", c.href(target), "aria-current", "page")
                    .text(c.t(key))
                    .close("a");
        else h.link(c.href(target), c.t(key));
        h.raw("</li>");
    }

    private static void languages(Html h, PageContext c) {
        h.open("nav", "class", "langs", "aria-label", c.t("nav.language")).raw("<ul>");
        for (Lang l : c.links().languages()) {
            h.raw("<li>");
            if (l == c.lang())
                h.open("span", "aria-current", "true", "lang", l.code())
                        .text(l.nativeName())
                        .close("span");
            else h.link(c.links().page(l, c.self()), l.nativeName(), "lang", l.code(), "hreflang", l.code());
            h.raw("</li>");
        }
        h.raw("</ul></nav>");
    }

    /** Closes {@code <main>} and writes the footer. */
    public static void close(Html h, PageContext c, long logSize) {
        h.raw("</main>");
        // the live script resumes the event stream from the log size the page was rendered at
        if (c.links().isStatic()) h.raw("<footer class=\"wrap foot\">");
        else h.open("footer", "class", "wrap foot", "data-log-size", Long.toString(logSize));
        h.raw("<p>");
        // a mirror page names no log size: a page whose figures did not change stays the same file
        var manifest = c.links().publicationFile("manifest.json");
        if (manifest.isPresent())
            h.text(c.t("footer.mirror"))
                    .raw(" (")
                    .link(manifest.get(), "manifest.json")
                    .raw(") · ")
                    .text(c.t("footer.poll"))
                    .raw(" ")
                    .link(c.links().publicationFile("checkpoint").orElseThrow(), "checkpoint")
                    .raw(" · ");
        else h.text(c.words().format("footer.log", c.numbers().count(logSize))).raw(" · ");
        h.link(c.href(PageRef.downloads()), c.t("nav.downloads")).raw(" · ");
        if (!c.links().isStatic()) {
            h.link(c.href(PageRef.upload()), c.t("upload.link")).raw(" · ");
            // volunteers sign in there; once signed in, their pages link each other (TranscribeHtml.work)
            h.link(c.href(PageRef.transcribe()), c.t("nav.transcribe")).raw(" · ");
            h.link(c.href(PageRef.campaign()), c.t("nav.campaign")).raw(" · ");
        }
        h.text(c.t("footer.about"));
        h.raw("</p></footer></body></html>\n");
    }
}
