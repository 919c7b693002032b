package org.veritally.web.page;

import java.util.List;
import org.veritally.web.html.Html;
import org.veritally.web.link.PageRef;
import org.veritally.web.model.SearchPage;

/**
 * Renders the search page: the form (pre-filled), then units and stations that match. Unit hits
 * link to the unit page in the default contest and view (no selection in the URL: the reader has
 * not chosen one yet).
 */
public final class SearchHtml {
    private SearchHtml() {}

    public static String render(SearchPage p, PageContext c) {
        Html h = new Html(8_192);
        Layout.open(h, c, c.t("search.title"), false);
        h.element("h1", c.t("search.title"));
        Layout.searchForm(h, c, p.query(), "q-main");
        if (p.query().isBlank()) h.element("p", c.t("search.hint"));
        else if (p.units().isEmpty() && p.stations().isEmpty())
            h.element("p", c.words().format("search.none", p.query()), "role", "status");
        else {
            h.element(
                    "p",
                    c.words()
                            .format(
                                    "search.count",
                                    c.numbers()
                                            .count(p.units().size()
                                                    + p.stations().size()),
                                    p.query()),
                    "role",
                    "status");
            hits(h, c, "search.units", p.units(), true);
            hits(h, c, "search.stations", p.stations(), false);
            if (p.truncated()) h.element("p", c.t("search.truncated"), "class", "muted");
        }
        Layout.close(h, c, p.election().logSize());
        return h.toString();
    }

    private static void hits(Html h, PageContext c, String titleKey, List<SearchPage.Hit> hits, boolean units) {
        if (hits.isEmpty()) return;
        h.element("h2", c.t(titleKey)).raw("<ul class=\"hits\">");
        for (SearchPage.Hit x : hits) {
            PageRef target = units ? PageRef.unit(x.id()) : PageRef.station(x.id());
            h.raw("<li>")
                    .link(c.href(target), units ? x.name() : x.id() + " · " + x.name())
                    .raw(" <span class=\"muted\">")
                    .text(x.detail());
            if (!x.path().isEmpty()) h.raw(" · ").text(x.path());
            h.raw("</span></li>");
        }
        h.raw("</ul>");
    }
}
