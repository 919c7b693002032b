package org.veritally.web.page;

import java.math.BigDecimal;
import org.veritally.web.html.Html;
import org.veritally.web.i18n.Numbers;
import org.veritally.web.model.AnnouncementReport;

/**
 * Renders {@code ST-ROUND} for one announcement: each announced count with its exact share and the
 * round percentage that reproduces it, then in plain words whether they are all round and how
 * likely that is by chance, with the rule's caveat.
 */
final class RoundHtml {
    private RoundHtml() {}

    static void write(Html h, PageContext c, AnnouncementReport.RoundCheck r, String idPrefix) {
        Numbers n = c.numbers();
        String id = idPrefix + "-round";
        h.open("h3", "id", id).text(c.t("round.title")).close("h3");
        h.open("div", "class", "scroll", "tabindex", "0", "role", "region", "aria-labelledby", id)
                .raw("<table><thead><tr>");
        h.element("th", c.t("announce.figure"), "scope", "col")
                .element("th", c.t("announce.announced"), "scope", "col", "class", "n")
                .element("th", c.t("round.round"), "scope", "col", "class", "n")
                .element("th", c.t("round.exact"), "scope", "col", "class", "n")
                .raw("</tr></thead><tbody>");
        for (AnnouncementReport.RoundLine l : r.lines()) {
            h.raw("<tr>")
                    .element("th", l.translated() ? c.t(l.label()) : l.label(), "scope", "row")
                    .element("td", n.count(l.count()), "class", "n");
            h.element("td", l.roundPercent().map(p -> percent(n, p)).orElse("—"), "class", "n");
            h.element("td", n.percent(l.exactPercent() / 100, 4), "class", "n").raw("</tr>");
        }
        h.raw("</tbody></table></div><p>");
        if (!r.allRound()) h.text(c.t("round.notall"));
        else {
            String sentence = c.words().format("round.all", n.probability(r.chance()));
            if (r.flagged()) h.open("strong", "class", "bad").text(sentence).close("strong");
            else h.text(sentence);
        }
        h.raw("</p><p class=\"muted\">").text(c.t("rule.ST-ROUND.caveat")).raw("</p>");
    }

    /** "51.2" (the stats module's plain decimal) as a localized percentage with the same decimals. */
    static String percent(Numbers n, String plain) {
        BigDecimal d = new BigDecimal(plain);
        return n.percent(d.doubleValue() / 100, Math.max(0, d.scale()));
    }
}
