package org.veritally.web.page;

import org.veritally.core.model.Choice;
import org.veritally.web.html.Html;
import org.veritally.web.link.PageRef;
import org.veritally.web.model.TallyForm;

/**
 * Renders the printable tally form an audit board fills in by hand (docs/audit.md, "Tally forms"): the audit's id
 * and seed, the election, contest, station and round, an empty box for the votes of every choice (or, for a
 * ballot-polling round, for the choice each drawn ballot shows), and lines for the board's and an observer's names
 * and signatures. The site's stylesheet prints only the form: no header, navigation or footer ({@code @media
 * print}), so the page needs no script to print.
 */
public final class TallyFormHtml {
    private TallyFormHtml() {}

    public static String render(TallyForm f, PageContext c) {
        Html h = new Html(4_096);
        String title = c.t("form.title");
        Layout.open(h, c, title + " · " + f.station(), false);
        h.raw("<p class=\"crumbs noprint\">")
                .link(c.href(PageRef.audits()), c.t("audits.title"))
                .raw(" › ")
                .link(
                        c.href(PageRef.audit(f.audit().id())),
                        c.words().format("audit.title", f.audit().id()))
                .raw("</p>");
        h.open("article", "class", "form", "aria-labelledby", "form-title");
        h.open("h1", "id", "form-title").text(title).close("h1");
        h.element("p", c.t("form.print"), "class", "muted noprint");
        h.open("dl", "class", "receipt");
        item(h, c.t("audit.col.audit"), f.audit().id());
        item(h, c.t("form.election"), f.election().name());
        item(h, c.t("audit.col.contest"), f.contestName() + " (" + f.audit().contest() + ")");
        h.element("dt", c.t("audit.col.station"));
        h.raw("<dd>")
                .link(c.href(PageRef.station(f.station())), f.station())
                .raw(" ")
                .text(f.stationName())
                .raw(" · ")
                .text(f.unitName())
                .raw("</dd>");
        item(
                h,
                c.t("form.round"),
                f.round() == 0 ? c.t("form.full") : c.numbers().count(f.round()));
        h.element("dt", c.t("audit.seed"));
        if (f.audit().seed().isPresent())
            h.raw("<dd><code>").text(f.audit().seed().get()).raw("</code></dd>");
        else h.raw("<dd>").text(c.t("audit.seed.none")).raw("</dd>");
        h.close("dl");
        if (f.ballots().isEmpty()) votes(h, c, f);
        else ballots(h, c, f);
        signatures(h, c);
        h.element(
                "p",
                c.words()
                        .format(
                                "form.enter",
                                "veritally audit record --id " + f.audit().id() + " --station " + f.station()),
                "class",
                "muted");
        h.close("article");
        Layout.close(h, c, f.election().logSize());
        return h.toString();
    }

    private static void votes(Html h, PageContext c, TallyForm f) {
        h.raw("<table class=\"tally\"><caption>").text(c.t("form.votes")).raw("</caption><thead><tr>");
        h.element("th", c.t("audit.col.choice"), "scope", "col")
                .element("th", c.t("form.votes"), "scope", "col")
                .raw("</tr></thead><tbody>");
        for (Choice ch : f.choices())
            h.raw("<tr>").element("th", ch.name(), "scope", "row").raw("<td class=\"box\"></td></tr>");
        h.raw("<tr class=\"sum\">")
                .element("th", c.t("form.total"), "scope", "row")
                .raw("<td class=\"box\"></td></tr></tbody></table>");
    }

    private static void ballots(Html h, PageContext c, TallyForm f) {
        h.raw("<table class=\"tally\"><caption>").text(c.t("form.shows")).raw("</caption><thead><tr>");
        h.element("th", c.t("form.position"), "scope", "col")
                .element("th", c.t("form.shows"), "scope", "col")
                .raw("</tr></thead><tbody>");
        for (long b : f.ballots())
            h.raw("<tr>").element("th", Long.toString(b), "scope", "row").raw("<td class=\"box\"></td></tr>");
        h.raw("</tbody></table>");
        h.raw("<p class=\"muted\">");
        for (int i = 0; i < f.choices().size(); i++) {
            if (i > 0) h.raw(" · ");
            h.text(f.choices().get(i).id() + " = " + f.choices().get(i).name());
        }
        h.raw("</p>");
    }

    private static void signatures(Html h, PageContext c) {
        h.element("h2", c.t("form.board"));
        h.open("div", "class", "sign");
        for (int i = 1; i <= 2; i++) h.element("p", c.words().format("form.member", Integer.toString(i)));
        h.element("p", c.t("form.observer"));
        h.element("p", c.t("form.date"));
        h.close("div");
    }

    private static void item(Html h, String term, String value) {
        h.element("dt", term).element("dd", value);
    }
}
