package org.veritally.web.page;

import java.util.Locale;
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
    h.raw("<").raw(headingTag).attr("id", "h-" + r.contestId()).raw(">").text(heading).raw("</").raw(headingTag).raw(">");
    c.links().liveResults(r.unitId(), r.contestId(), r.view()).ifPresent(api -> h.open("div", "data-api", api, "hidden", "").close("div"));
    coverage(h, c, r);
    h.open("ol", "class", "bars");
    for (CandidateLine k : r.candidates()) {
      String share = n.share(k.votes(), r.valid());
      h.raw("<li><span class=\"who\">").text(k.name()).raw("</span> ");
      h.open("span", "class", "num", "data-cand", k.id()).text(n.count(k.votes())).close("span").raw(" ");
      h.open("span", "class", "pct", "data-share", k.id()).text(share).close("span");
      h.open("span", "class", "bar", "aria-hidden", "true").open("span", "data-bar", k.id(), "style", width(Numbers.ratio(k.votes(), r.valid())))
          .raw("</span></span></li>");
    }
    h.close("ol");
    table(h, c, r);
    h.close("section");
  }

  static String width(double ratio) {
    return String.format(Locale.ROOT, "width:%.1f%%", ratio * 100);
  }

  static void coverage(Html h, PageContext c, ResultSummary r) {
    Numbers n = c.numbers();
    var cov = r.coverage();
    h.raw("<p class=\"cov\">");
    h.text(c.t("coverage.stations")).raw(" ");
    h.open("strong", "data-f", "stationsShare").text(n.share(cov.stationsReporting(), cov.stationsTotal())).close("strong").raw(" (");
    h.open("span", "data-f", "stationsReporting").text(n.count(cov.stationsReporting())).close("span").raw(" / ");
    h.open("span", "data-f", "stationsTotal").text(n.count(cov.stationsTotal())).close("span").raw(") · ");
    h.text(c.t("coverage.registered")).raw(" ");
    h.open("strong", "data-f", "registeredShare").text(n.share(cov.registeredReporting(), cov.registeredTotal())).close("strong");
    h.raw("</p>");
  }

  private static void table(Html h, PageContext c, ResultSummary r) {
    Numbers n = c.numbers();
    h.raw("<details><summary>").text(c.t("result.table")).raw("</summary><div class=\"scroll\">");
    h.raw("<table><caption class=\"sr\">").text(r.contestName()).raw("</caption><thead><tr>");
    h.element("th", c.t("result.candidate"), "scope", "col").element("th", c.t("result.votes"), "scope", "col", "class", "n")
        .element("th", c.t("result.share"), "scope", "col", "class", "n").raw("</tr></thead><tbody>");
    for (CandidateLine k : r.candidates()) {
      h.raw("<tr>").element("th", k.name(), "scope", "row");
      h.open("td", "class", "n", "data-cand", k.id()).text(n.count(k.votes())).close("td");
      h.open("td", "class", "n", "data-share", k.id()).text(n.share(k.votes(), r.valid())).close("td").raw("</tr>");
    }
    h.raw("</tbody><tbody class=\"sum\">");
    row(h, c.t("field.valid"), "validVotes", n.count(r.valid()));
    row(h, c.t("field.nulls"), "nullVotes", n.count(r.nulls()));
    row(h, c.t("field.blank"), "blankVotes", n.count(r.blank()));
    row(h, c.t("field.ballots"), "ballotsCast", n.count(r.ballots()));
    h.raw("</tbody></table></div></details>");
  }

  private static void row(Html h, String label, String field, String value) {
    h.raw("<tr>").element("th", label, "scope", "row").open("td", "class", "n", "data-f", field).text(value).close("td").raw("<td></td></tr>");
  }
}
