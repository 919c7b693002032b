package org.veritally.web.page;

import java.util.Optional;
import org.veritally.web.html.Html;
import org.veritally.web.i18n.Numbers;
import org.veritally.web.link.PageRef;
import org.veritally.web.model.Crumb;
import org.veritally.web.model.DiscrepanciesPage;
import org.veritally.web.model.DiscrepancySummary;
import org.veritally.web.model.DisputedStation;
import org.veritally.web.model.FieldRow;
import org.veritally.web.model.LogStatus;
import org.veritally.web.model.SheetCopy;

/**
 * Renders the discrepancies page: the summary over the whole election, the filters (by source, and
 * by place through a trail and the places below with their counts, all plain links so each filter
 * has a permanent URL and works without scripts), and one compact table per disputed station with
 * only the fields that differ and every copy's value, linked to the station page.
 */
public final class DiscrepanciesHtml {
    static final int SHOWN = 200;

    private DiscrepanciesHtml() {}

    public static String render(DiscrepanciesPage p, PageContext c) {
        Html h = new Html(16_384 + 900 * Math.min(SHOWN, p.stations().size()));
        Layout.open(h, c, c.t("discrepancies.title"), false);
        h.element("h1", c.t("discrepancies.title"));
        h.element("p", c.t("discrepancies.intro"));
        summary(h, c, p.summary());
        h.raw("<section aria-labelledby=\"h-filter\"><h2 id=\"h-filter\">")
                .text(c.t("discrepancies.filter"))
                .raw("</h2>");
        Selectors.options(h, c, "discrepancies.bysource", p.sources(), s -> PageRef.discrepancies(p.unit(), opt(s)));
        places(h, c, p);
        h.raw("</section>");
        list(h, c, p, p.log());
        Layout.close(h, c, p.election().logSize());
        return h.toString();
    }

    private static Optional<String> opt(String s) {
        return Optional.of(s).filter(x -> !x.isEmpty());
    }

    private static void summary(Html h, PageContext c, DiscrepancySummary s) {
        Numbers n = c.numbers();
        h.raw("<section aria-labelledby=\"h-sum\"><h2 id=\"h-sum\">")
                .text(c.t("discrepancies.summary"))
                .raw("</h2>");
        h.element(
                "p",
                c.words()
                        .format(
                                "discrepancies.pairs",
                                n.count(s.pairs()),
                                n.count(s.stations()),
                                n.count(s.contests())));
        h.raw("<ul class=\"counts\">");
        item(h, c, "agreed", n.count(s.agreed()), n.share(s.agreed(), s.pairs()));
        item(h, c, "disputed", n.count(s.disputed()), n.share(s.disputed(), s.pairs()));
        long single =
                s.single().stream().mapToLong(DiscrepancySummary.Count::count).sum();
        item(h, c, "single", n.count(single), n.share(single, s.pairs()));
        item(h, c, "missing", n.count(s.missing()), n.share(s.missing(), s.pairs()));
        h.raw("</ul>");
        if (single > 0) {
            h.raw("<p class=\"muted\">").text(c.t("discrepancies.singleby")).raw(" ");
            boolean first = true;
            for (DiscrepancySummary.Count k : s.single()) {
                if (k.count() == 0) continue;
                h.raw(first ? "" : " · ").text(k.name()).raw(": ").text(n.count(k.count()));
                first = false;
            }
            h.raw("</p>");
        }
        h.raw("</section>");
    }

    private static void item(Html h, PageContext c, String status, String count, String share) {
        h.raw("<li>")
                .open("span", "class", "st " + status)
                .text(c.t("status." + status))
                .close("span")
                .raw(" <strong>")
                .text(count)
                .raw("</strong> <span class=\"muted\">(")
                .text(share)
                .raw(")</span></li>");
    }

    private static void places(Html h, PageContext c, DiscrepanciesPage p) {
        Optional<String> source = p.source();
        h.open("nav", "class", "crumbs", "aria-label", c.t("discrepancies.byplace"))
                .raw("<ol><li>");
        if (p.trail().isEmpty())
            h.open("span", "aria-current", "page")
                    .text(c.t("discrepancies.everywhere"))
                    .close("span");
        else h.link(c.href(PageRef.discrepancies(Optional.empty(), source)), c.t("discrepancies.everywhere"));
        h.raw("</li>");
        for (int i = 1; i < p.trail().size(); i++) {
            Crumb k = p.trail().get(i);
            h.raw("<li>");
            if (i == p.trail().size() - 1)
                h.open("span", "aria-current", "page").text(k.name()).close("span");
            else h.link(c.href(PageRef.discrepancies(Optional.of(k.unitId()), source)), k.name());
            h.raw("</li>");
        }
        h.raw("</ol></nav>");
        if (p.places().isEmpty()) return;
        h.raw("<p class=\"lbl\">")
                .text(c.words().format("discrepancies.in", p.placeLevel()))
                .raw("</p><ul class=\"grid\">");
        for (DiscrepancySummary.Count k : p.places()) {
            h.raw("<li>")
                    .link(c.href(PageRef.discrepancies(Optional.of(k.id()), source)), k.name())
                    .raw(" <span class=\"muted\">")
                    .text(c.words()
                            .format(
                                    p.truncated() ? "discrepancies.atleast" : "discrepancies.count",
                                    c.numbers().count(k.count())))
                    .raw("</span></li>");
        }
        h.raw("</ul>");
    }

    private static void list(Html h, PageContext c, DiscrepanciesPage p, LogStatus log) {
        h.raw("<section aria-labelledby=\"h-list\"><h2 id=\"h-list\">")
                .text(c.t("discrepancies.list"))
                .raw("</h2>");
        if (p.stations().isEmpty()) {
            h.element("p", c.t("discrepancies.none"), "role", "status");
            h.raw("</section>");
            return;
        }
        int shown = Math.min(SHOWN, p.stations().size());
        String count = c.numbers().count(p.stations().size());
        String status;
        if (p.truncated())
            status = c.words().format("discrepancies.more", c.numbers().count(shown));
        else if (shown < p.stations().size())
            status = c.words().format("discrepancies.shown", c.numbers().count(shown), count);
        else status = c.words().format("discrepancies.found", count);
        h.element("p", status, "role", "status");
        for (DisputedStation d : p.stations().subList(0, shown)) station(h, c, d, log);
        h.raw("</section>");
    }

    private static void station(Html h, PageContext c, DisputedStation d, LogStatus log) {
        String id = "d-" + d.stationId() + "-" + d.contestId();
        h.open("article", "class", "disp", "aria-labelledby", id);
        h.open("h3", "id", id)
                .link(c.href(PageRef.station(d.stationId())), c.words().format("station.title", d.stationId()))
                .raw(" <small>")
                .text(d.stationName())
                .raw(" · ")
                .text(d.unitName())
                .raw(" · ")
                .text(d.contestName())
                .raw("</small></h3>");
        h.open("div", "class", "scroll", "tabindex", "0", "role", "region", "aria-labelledby", id)
                .raw("<table><thead><tr>");
        h.element("th", c.t("station.field"), "scope", "col");
        for (SheetCopy s : d.copies()) StationHtml.copyHeader(h, c, s, log, d.stationId(), d.contestId());
        h.raw("</tr></thead><tbody>");
        for (FieldRow r : d.differing()) StationHtml.row(h, c, r, d.stationId(), d.contestId(), d.copies());
        h.raw("</tbody></table></div></article>");
    }
}
