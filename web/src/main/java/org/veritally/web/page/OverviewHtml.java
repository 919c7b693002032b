package org.veritally.web.page;

import org.veritally.core.model.Denominator;
import org.veritally.web.html.Html;
import org.veritally.web.link.PageRef;
import org.veritally.web.model.ChildRow;
import org.veritally.web.model.OverviewPage;
import org.veritally.web.model.ResultSummary;

/** Renders the election overview: each contest's national result, the top-level units, the log. */
public final class OverviewHtml {
    private OverviewHtml() {}

    public static String render(OverviewPage p, PageContext c) {
        Html h = new Html(16_384);
        Layout.open(h, c, p.election().name(), true);
        h.element("h1", p.election().name());
        Selectors.options(h, c, "nav.view", p.views(), PageRef::overview);
        for (ResultSummary r : p.contests()) {
            ResultBlock.write(h, c, r, "h2", r.contestName());
            h.raw("<p class=\"more\">")
                    .link(
                            c.href(PageRef.unit(p.election().rootUnitId(), r.contestId(), p.view())),
                            c.words().format("overview.explore", r.contestName()))
                    .raw(" · ")
                    .link(
                            c.href(PageRef.timelineOf(p.election().rootUnitId(), r.contestId(), p.view())),
                            c.t("timeline.link"))
                    .raw("</p>");
        }
        if (!p.regions().isEmpty()) regions(h, c, p);
        h.raw("<section class=\"log\" aria-labelledby=\"h-log\"><h2 id=\"h-log\">")
                .text(c.t("log.title"))
                .raw("</h2><p>");
        Figures.inMessage(
                h,
                c,
                "log.size",
                "n|logSize",
                Long.toString(p.log().size()),
                c.numbers().count(p.log().size()));
        h.raw(" ");
        if (p.log().checkpointSize().isPresent()) {
            long n = p.log().checkpointSize().get();
            Figures.inMessage(
                    h,
                    c,
                    c.links().isStatic() ? "log.checkpoint.mirror" : "log.checkpoint",
                    "n|checkpointSize",
                    Long.toString(n),
                    c.numbers().count(n));
        } else {
            h.text(c.t("log.nocheckpoint"));
        }
        h.raw("</p></section>");
        Layout.close(h, c, p.election().logSize());
        return h.toString();
    }

    private static void regions(Html h, PageContext c, OverviewPage p) {
        String contest = p.contests().get(0).contestId();
        h.raw("<section aria-labelledby=\"h-regions\"><h2 id=\"h-regions\">")
                .text(c.words().format("overview.by", p.childLevel()))
                .raw("</h2><ul class=\"grid\">");
        for (ChildRow r : p.regions()) {
            h.raw("<li>")
                    .link(c.href(PageRef.unit(r.unitId(), contest, p.view())), r.name())
                    .raw(" <span class=\"muted\">");
            var cov = r.coverage();
            // A region with no declared universe under an election with one: say its share is of the catalogue.
            boolean catalogueOnly = cov.basis() == Denominator.Basis.CATALOGUE
                    && p.contests().get(0).coverage().basis() == Denominator.Basis.UNIVERSE;
            Figures.inMessage(
                    h,
                    c,
                    catalogueOnly ? "overview.reporting.catalogue" : "overview.reporting",
                    Figures.share(r.unitId(), contest, p.view(), "stations", cov.stationsField()),
                    Figures.ratio(cov.stationsReporting(), cov.stationsTotal()),
                    c.numbers().share(cov.stationsReporting(), cov.stationsTotal()));
            h.raw("</span></li>");
        }
        h.raw("</ul></section>");
    }
}
