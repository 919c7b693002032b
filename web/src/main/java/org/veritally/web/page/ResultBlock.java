package org.veritally.web.page;

import org.veritally.web.html.Html;
import org.veritally.web.i18n.Numbers;
import org.veritally.web.model.CandidateLine;
import org.veritally.web.model.ResultSummary;

/**
 * One result: the coverage line, the candidates as a bar chart (an ordered list whose text carries
 * every figure; the bars themselves are decoration hidden from assistive technology), and the full
 * figures as a table. Elements carry {@code data-*} keys so the live script can update them from
 * the JSON API in place; without the script the page is complete as served.
 */
public final class ResultBlock {
    private ResultBlock() {}

    public static void write(Html h, PageContext c, ResultSummary r, String headingTag, String heading) {
        Numbers n = c.numbers();
        h.open("section", "class", "result", "aria-labelledby", "h-" + r.contestId());
        h.raw("<")
                .raw(headingTag)
                .attr("id", "h-" + r.contestId())
                .raw(">")
                .text(heading)
                .raw("</")
                .raw(headingTag)
                .raw(">");
        c.links()
                .liveResults(r.unitId(), r.contestId(), r.view())
                .ifPresent(api -> h.open("div", "data-api", api, "hidden", "").close("div"));
        coverage(h, c, r);
        h.open("ol", "class", "bars");
        for (CandidateLine k : r.candidates()) {
            String share = n.share(k.votes(), r.valid());
            h.raw("<li><span class=\"who\">").text(k.name()).raw("</span> ");
            Figures.element(
                    h,
                    c,
                    "span",
                    total(r, "cand:" + k.id()),
                    Long.toString(k.votes()),
                    n.count(k.votes()),
                    "class",
                    "num",
                    "data-cand",
                    k.id());
            h.raw(" ");
            Figures.element(
                    h,
                    c,
                    "span",
                    share(r, "cand:" + k.id(), "valid"),
                    Figures.ratio(k.votes(), r.valid()),
                    share,
                    "class",
                    "pct",
                    "data-share",
                    k.id());
            String style = width(Numbers.ratio(k.votes(), r.valid()));
            h.open("span", "class", "bar", "aria-hidden", "true");
            if (c.links().isStatic()) h.open("span", "style", style);
            else h.open("span", "data-bar", k.id(), "style", style);
            h.raw("</span></span></li>");
        }
        h.close("ol");
        table(h, c, r);
        h.close("section");
    }

    static String width(double ratio) {
        long tenths = Math.round(ratio * 1000);
        return "width:" + tenths / 10 + "." + tenths % 10 + "%";
    }

    static void coverage(Html h, PageContext c, ResultSummary r) {
        Numbers n = c.numbers();
        var cov = r.coverage();
        h.raw("<p class=\"cov\">");
        h.text(c.t("coverage.stations")).raw(" ");
        Figures.element(
                h,
                c,
                "strong",
                share(r, "stations", cov.stationsField()),
                Figures.ratio(cov.stationsReporting(), cov.stationsTotal()),
                n.share(cov.stationsReporting(), cov.stationsTotal()),
                "data-f",
                "stationsShare");
        h.raw(" (");
        Figures.element(
                h,
                c,
                "span",
                total(r, "stations"),
                Long.toString(cov.stationsReporting()),
                n.count(cov.stationsReporting()),
                "data-f",
                "stationsReporting");
        h.raw(" / ");
        Figures.element(
                h,
                c,
                "span",
                total(r, cov.stationsField()),
                Long.toString(cov.stationsTotal()),
                n.count(cov.stationsTotal()),
                "data-f",
                "stationsTotal");
        h.raw(") · ");
        h.text(c.t("coverage.registered")).raw(" ");
        Figures.element(
                h,
                c,
                "strong",
                share(r, "registered", cov.registeredField()),
                Figures.ratio(cov.registeredReporting(), cov.registeredTotal()),
                n.share(cov.registeredReporting(), cov.registeredTotal()),
                "data-f",
                "registeredShare");
        h.raw(" <span class=\"muted\" data-f=\"basis\">")
                .text(c.t(cov.basisKey()))
                .raw("</span>");
        h.raw("</p>");
    }

    private static void table(Html h, PageContext c, ResultSummary r) {
        Numbers n = c.numbers();
        h.raw("<details><summary>").text(c.t("result.table")).raw("</summary><div class=\"scroll\">");
        h.raw("<table><caption class=\"sr\">").text(r.contestName()).raw("</caption><thead><tr>");
        h.element("th", c.t("result.candidate"), "scope", "col")
                .element("th", c.t("result.votes"), "scope", "col", "class", "n")
                .element("th", c.t("result.share"), "scope", "col", "class", "n")
                .raw("</tr></thead><tbody>");
        for (CandidateLine k : r.candidates()) {
            h.raw("<tr>").element("th", k.name(), "scope", "row");
            Figures.element(
                    h,
                    c,
                    "td",
                    total(r, "cand:" + k.id()),
                    Long.toString(k.votes()),
                    n.count(k.votes()),
                    "class",
                    "n",
                    "data-cand",
                    k.id());
            Figures.element(
                    h,
                    c,
                    "td",
                    share(r, "cand:" + k.id(), "valid"),
                    Figures.ratio(k.votes(), r.valid()),
                    n.share(k.votes(), r.valid()),
                    "class",
                    "n",
                    "data-share",
                    k.id());
            h.raw("</tr>");
        }
        h.raw("</tbody><tbody class=\"sum\">");
        row(h, c, r, c.t("field.valid"), "validVotes", "valid", r.valid());
        row(h, c, r, c.t("field.nulls"), "nullVotes", "null", r.nulls());
        row(h, c, r, c.t("field.blank"), "blankVotes", "blank", r.blank());
        row(h, c, r, c.t("field.ballots"), "ballotsCast", "ballots", r.ballots());
        h.raw("</tbody></table></div></details>");
    }

    private static void row(
            Html h, PageContext c, ResultSummary r, String label, String liveField, String field, long value) {
        h.raw("<tr>").element("th", label, "scope", "row");
        Figures.element(
                h,
                c,
                "td",
                total(r, field),
                Long.toString(value),
                c.numbers().count(value),
                "class",
                "n",
                "data-f",
                liveField);
        h.raw("<td></td></tr>");
    }

    private static String total(ResultSummary r, String field) {
        return Figures.total(r.unitId(), r.contestId(), r.view(), field);
    }

    private static String share(ResultSummary r, String part, String whole) {
        return Figures.share(r.unitId(), r.contestId(), r.view(), part, whole);
    }
}
