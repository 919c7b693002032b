package org.veritally.web.page;

import java.util.List;
import org.veritally.core.model.Denominator;
import org.veritally.web.html.Html;
import org.veritally.web.i18n.Numbers;
import org.veritally.web.link.PageRef;
import org.veritally.web.model.CandidateLine;
import org.veritally.web.model.ChildRow;
import org.veritally.web.model.ChildSort;
import org.veritally.web.model.Crumb;
import org.veritally.web.model.StationRow;
import org.veritally.web.model.UnitPage;

/**
 * Renders a unit page at any level: trail, contest and view pickers, the result, the children
 * table (sorted on the server through links in the column headers, so sorting works without
 * scripts and each order has a URL), and the unit's own stations with the status of their copies.
 */
public final class UnitHtml {
    private UnitHtml() {}

    public static String render(UnitPage p, PageContext c) {
        Html h = new Html(8_192 + 400 * p.children().size() + 300 * p.stations().size());
        String contest = p.result().contestId();
        String view = p.result().view();
        Crumb u = p.unit();
        Layout.open(h, c, u.name(), true);
        Selectors.crumbs(h, c, p.ancestry(), contest, view);
        h.raw("<h1>").text(u.name()).raw(" <small>").text(u.level()).raw("</small></h1>");
        Selectors.options(h, c, "nav.contest", p.contests(), id -> PageRef.unit(u.unitId(), id, view));
        Selectors.options(h, c, "nav.view", p.views(), v -> PageRef.unit(u.unitId(), contest, v));
        ResultBlock.write(h, c, p.result(), "h2", p.result().contestName());
        // a static mirror carries the timelines of the whole election only (docs/timeline.md)
        if (!c.links().isStatic() || u.unitId().equals(p.election().rootUnitId()))
            h.raw("<p class=\"more\">")
                    .link(c.href(PageRef.timelineOf(u.unitId(), contest, view)), c.t("timeline.link"))
                    .raw("</p>");
        if (!p.children().isEmpty()) children(h, c, p);
        if (!p.stations().isEmpty()) stations(h, c, p.stations(), contest);
        Layout.close(h, c, p.election().logSize());
        return h.toString();
    }

    private static void children(Html h, PageContext c, UnitPage p) {
        Numbers n = c.numbers();
        String contest = p.result().contestId();
        String view = p.result().view();
        h.raw("<section aria-labelledby=\"h-children\"><h2 id=\"h-children\">")
                .text(c.words().format("overview.by", p.childLevel()))
                .raw("</h2>");
        if (p.result().coverage().basis() == Denominator.Basis.UNIVERSE
                && p.children().stream().anyMatch(r -> r.coverage().basis() == Denominator.Basis.CATALOGUE))
            h.element("p", c.t("coverage.children.catalogue"), "class", "muted");
        h.open("div", "class", "scroll", "tabindex", "0", "role", "region", "aria-labelledby", "h-children")
                .raw("<table class=\"kids\"><thead><tr>");
        header(h, c, p, "name", c.t("unit.name"));
        header(h, c, p, "coverage", c.t("unit.coverage"));
        header(h, c, p, "valid", c.t("field.valid"));
        for (CandidateLine k : p.columns()) header(h, c, p, "share:" + k.id(), k.name());
        h.raw("</tr></thead><tbody>");
        for (ChildRow r : p.children()) {
            h.raw("<tr><th scope=\"row\">")
                    .link(c.href(PageRef.unit(r.unitId(), contest, view)), r.name())
                    .raw("</th>");
            var cov = r.coverage();
            Figures.element(
                    h,
                    c,
                    "td",
                    Figures.share(r.unitId(), contest, view, "stations", cov.stationsField()),
                    Figures.ratio(cov.stationsReporting(), cov.stationsTotal()),
                    n.share(cov.stationsReporting(), cov.stationsTotal()),
                    "class",
                    "n");
            Figures.element(
                    h,
                    c,
                    "td",
                    Figures.total(r.unitId(), contest, view, "valid"),
                    Long.toString(r.valid()),
                    n.count(r.valid()),
                    "class",
                    "n");
            for (int i = 0; i < r.votes().size(); i++) {
                long v = r.votes().get(i);
                Figures.element(
                        h,
                        c,
                        "td",
                        Figures.share(
                                r.unitId(),
                                contest,
                                view,
                                "cand:" + p.columns().get(i).id(),
                                "valid"),
                        Figures.ratio(v, r.valid()),
                        n.share(v, r.valid()),
                        "class",
                        "n");
            }
            h.raw("</tr>");
        }
        h.raw("</tbody></table></div></section>");
    }

    private static void header(Html h, PageContext c, UnitPage p, String column, String label) {
        ChildSort s = p.sort();
        boolean current = s.key().equals(column);
        String cls = column.equals("name") ? "" : "n";
        if (current)
            h.open("th", "scope", "col", "class", cls, "aria-sort", s.descending() ? "descending" : "ascending");
        else h.open("th", "scope", "col", "class", cls);
        ChildSort next = s.toggle(column);
        String arrow = current ? (s.descending() ? " ▼" : " ▲") : "";
        h.link(
                c.href(c.self().sorted(next.wire(), next.isDefault())),
                label + arrow,
                "title",
                c.words().format("unit.sortby", label));
        h.close("th");
    }

    private static void stations(Html h, PageContext c, List<StationRow> rows, String contest) {
        Numbers n = c.numbers();
        h.raw("<section aria-labelledby=\"h-stations\"><h2 id=\"h-stations\">")
                .text(c.t("unit.stations"))
                .raw("</h2>");
        h.open("div", "class", "scroll", "tabindex", "0", "role", "region", "aria-labelledby", "h-stations")
                .raw("<table><thead><tr>");
        h.element("th", c.t("station.code"), "scope", "col")
                .element("th", c.t("station.name"), "scope", "col")
                .element("th", c.t("field.registered"), "scope", "col", "class", "n")
                .element("th", c.t("station.copies"), "scope", "col", "class", "n")
                .element("th", c.t("station.status"), "scope", "col")
                .raw("</tr></thead><tbody>");
        for (StationRow r : rows) {
            h.raw("<tr><th scope=\"row\">")
                    .link(c.href(PageRef.station(r.stationId())), r.stationId())
                    .raw("</th>");
            h.element("td", r.name());
            Figures.element(
                    h,
                    c,
                    "td",
                    Figures.station(r.stationId(), "registered"),
                    Long.toString(r.registered()),
                    n.count(r.registered()),
                    "class",
                    "n");
            Figures.element(
                    h,
                    c,
                    "td",
                    Figures.station(r.stationId(), contest + "|copies"),
                    Integer.toString(r.copies()),
                    n.count(r.copies()),
                    "class",
                    "n");
            h.raw("<td>");
            StationHtml.badge(h, c, r.status());
            h.raw("</td></tr>");
        }
        h.raw("</tbody></table></div></section>");
    }
}
