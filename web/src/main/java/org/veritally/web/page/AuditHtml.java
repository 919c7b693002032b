package org.veritally.web.page;

import java.util.List;
import java.util.Optional;
import org.veritally.server.intake.AuditStatus;
import org.veritally.web.html.Html;
import org.veritally.web.i18n.Numbers;
import org.veritally.web.link.PageRef;
import org.veritally.web.model.AuditPage;
import org.veritally.web.model.AuditsPage;

/**
 * Renders the audit pages (docs/audit.md): the index of audits, and the page of one audit with its definition
 * (contest, view, risk limit, method, the seed's commitment and the seed once revealed, the most rounds), its
 * progress and risk after each round with the decision (stop, escalate, full hand count), the stations of the
 * round being counted with links to their station pages and tally forms ({@link TallyFormHtml}), and a full hand
 * count's totals and result. States and decisions are said in words, never by colour alone.
 */
public final class AuditHtml {
    private AuditHtml() {}

    /** The index: one row per audit. */
    public static String index(AuditsPage p, PageContext c) {
        Html h = new Html(4_096);
        Layout.open(h, c, c.t("audits.title"), false);
        h.element("h1", c.t("audits.title"));
        h.element("p", c.t("audits.intro"));
        if (p.audits().isEmpty()) h.element("p", c.t("audits.none"), "role", "status");
        else {
            h.open("div", "class", "scroll", "tabindex", "0", "role", "region", "aria-label", c.t("audits.title"));
            h.raw("<table><thead><tr>");
            for (String k : List.of("audit.col.audit", "audit.col.contest", "audit.col.method", "audit.col.limit"))
                h.element("th", c.t(k), "scope", "col");
            h.element("th", c.t("audit.col.state"), "scope", "col")
                    .element("th", c.t("audit.col.risk"), "scope", "col", "class", "n")
                    .raw("</tr></thead><tbody>");
            for (AuditStatus s : p.audits()) {
                h.raw("<tr><th scope=\"row\">")
                        .link(c.href(PageRef.audit(s.id())), s.id())
                        .raw("</th>");
                h.element("td", p.contestNames().getOrDefault(s.contest(), s.contest()))
                        .element("td", c.t("audit.method." + s.method()))
                        .element("td", limit(c, s))
                        .element("td", c.t("audit.state." + s.state()));
                h.element(
                        "td",
                        s.rounds().isEmpty()
                                ? "–"
                                : risk(c, s.rounds().get(s.rounds().size() - 1).risk()),
                        "class",
                        "n");
                h.raw("</tr>");
            }
            h.raw("</tbody></table></div>");
        }
        Layout.close(h, c, p.election().logSize());
        return h.toString();
    }

    /** The page of one audit. */
    public static String render(AuditPage p, PageContext c) {
        AuditStatus s = p.audit();
        Html h = new Html(8_192);
        String title = c.words().format("audit.title", s.id());
        Layout.open(h, c, title, false);
        h.raw("<p class=\"crumbs\">")
                .link(c.href(PageRef.audits()), c.t("audits.title"))
                .raw("</p>");
        h.raw("<h1>").text(title).raw(" <small>").text(p.contestName()).raw("</small></h1>");
        String verdict = s.state().equals("confirmed") ? "verdict good" : "verdict";
        h.element("p", c.t("audit.state." + s.state()), "class", verdict, "role", "status");
        definition(h, c, p);
        rounds(h, c, s);
        s.current().ifPresent(cur -> current(h, c, p, cur));
        s.fullCount().ifPresent(f -> full(h, c, p, f));
        h.element("p", c.t("audit.explain"), "class", "muted");
        Optional<String> api = c.links().api("/api/audits/" + s.id());
        api.ifPresent(a -> h.raw("<p>").link(a, c.t("audit.api")).raw("</p>"));
        Layout.close(h, c, p.election().logSize());
        return h.toString();
    }

    private static void definition(Html h, PageContext c, AuditPage p) {
        AuditStatus s = p.audit();
        h.element("h2", c.t("audit.definition"), "id", "definition");
        h.open("dl", "class", "receipt");
        item(h, c.t("audit.col.contest"), p.contestName() + " (" + s.contest() + ")");
        item(h, c.t("audit.view"), s.view());
        item(h, c.t("audit.col.limit"), limit(c, s));
        item(h, c.t("audit.col.method"), c.t("audit.method." + s.method()));
        item(h, c.t("audit.maxrounds"), c.numbers().count(s.maxRounds()));
        h.element("dt", c.t("audit.commitment"));
        h.raw("<dd><code>").text(s.seedCommitment()).raw("</code></dd>");
        h.element("dt", c.t("audit.seed"));
        if (s.seed().isPresent()) h.raw("<dd><code>").text(s.seed().get()).raw("</code></dd>");
        else h.element("dd", c.t("audit.seed.none"));
        h.close("dl");
        s.reported()
                .ifPresent(r -> h.element(
                        "p",
                        c.words()
                                .format(
                                        "audit.asof",
                                        c.numbers().count(r.asOf()),
                                        c.numbers().count(r.changed()),
                                        c.numbers().count(r.added())),
                        "class",
                        "muted",
                        "id",
                        "asof"));
    }

    private static void rounds(Html h, PageContext c, AuditStatus s) {
        h.element("h2", c.t("audit.rounds"), "id", "rounds");
        if (s.rounds().isEmpty()) {
            h.element("p", c.t("audit.rounds.none"), "class", "muted");
            return;
        }
        Numbers n = c.numbers();
        h.open("div", "class", "scroll", "tabindex", "0", "role", "region", "aria-label", c.t("audit.rounds"));
        h.raw("<table><thead><tr>");
        h.element("th", c.t("audit.col.round"), "scope", "col");
        for (String k : List.of("audit.col.draws", "audit.col.stations", "audit.col.counted", "audit.col.risk"))
            h.element("th", c.t(k), "scope", "col", "class", "n");
        h.element("th", c.t("audit.col.decision"), "scope", "col").raw("</tr></thead><tbody>");
        for (AuditStatus.RoundStatus r : s.rounds()) {
            h.raw("<tr>").element("th", n.count(r.round()), "scope", "row");
            h.element("td", n.count(r.draws()), "class", "n")
                    .element("td", n.count(r.stations()), "class", "n")
                    .element("td", n.count(r.counted()), "class", "n")
                    .element("td", risk(c, r.risk()), "class", "n");
            h.raw("<td>")
                    .text(c.t("audit.decision." + r.decision()))
                    .raw(" <small class=\"muted\">")
                    .text(c.words().format("station.logindex", n.count(r.index())))
                    .raw("</small></td></tr>");
        }
        h.raw("</tbody></table></div>");
    }

    private static void current(Html h, PageContext c, AuditPage p, AuditStatus.Current cur) {
        Numbers n = c.numbers();
        h.element("h2", c.t("audit.tocount"), "id", "tocount");
        h.element(
                "p",
                c.words()
                        .format(
                                "audit.current",
                                n.count(cur.round()),
                                n.count(cur.counted()),
                                n.count(cur.stations().size()),
                                risk(c, cur.risk())));
        h.open("div", "class", "scroll", "tabindex", "0", "role", "region", "aria-label", c.t("audit.tocount"));
        h.raw("<table><thead><tr>");
        for (String k : List.of("audit.col.station", "audit.col.stratum", "audit.col.status", "audit.col.form"))
            h.element("th", c.t(k), "scope", "col");
        h.raw("</tr></thead><tbody>");
        for (AuditStatus.Station st : cur.stations()) {
            h.raw("<tr><th scope=\"row\">");
            station(h, c, p, st.station());
            h.raw("</th>").element("td", st.stratum());
            String state = c.t(st.counted() ? "audit.counted" : "audit.notcounted");
            if (!st.ballots().isEmpty()) state += " · " + c.words().format("audit.ballots", ballots(st.ballots()));
            h.element("td", state);
            h.raw("<td>")
                    .link(
                            c.href(PageRef.auditForm(p.audit().id(), st.station())),
                            c.words().format("audit.form.link", st.station()))
                    .raw("</td></tr>");
        }
        h.raw("</tbody></table></div>");
    }

    private static void full(Html h, PageContext c, AuditPage p, AuditStatus.FullCount f) {
        Numbers n = c.numbers();
        h.element("h2", c.t("audit.full"), "id", "full");
        h.element("p", c.words().format("audit.full.progress", n.count(f.counted()), n.count(f.stations())));
        if (f.complete()) {
            String reported = names(p, f.reportedWinners());
            String counted = names(p, f.countedWinners());
            boolean ok = f.result().equals("confirmed");
            h.element(
                    "p",
                    ok
                            ? c.words().format("audit.full.confirmed", reported)
                            : c.words().format("audit.full.overturned", reported, counted),
                    "class",
                    ok ? "verdict good" : "verdict bad");
        }
        h.open("div", "class", "scroll", "tabindex", "0", "role", "region", "aria-label", c.t("audit.full"));
        h.raw("<table><thead><tr>");
        h.element("th", c.t("audit.col.choice"), "scope", "col")
                .element("th", c.t("audit.col.reported"), "scope", "col", "class", "n")
                .element("th", c.t("audit.col.hand"), "scope", "col", "class", "n")
                .raw("</tr></thead><tbody>");
        for (AuditStatus.ChoiceTotal t : f.totals()) {
            h.raw("<tr>").element("th", p.choiceName(t.choice()), "scope", "row");
            h.element("td", n.count(t.reported()), "class", "n")
                    .element("td", n.count(t.counted()), "class", "n")
                    .raw("</tr>");
        }
        h.raw("</tbody></table></div>");
        if (p.uncounted().isEmpty()) return;
        h.element("h3", c.t("audit.tocount"));
        h.open("ul", "class", "grid");
        for (String st : p.uncounted()) {
            h.raw("<li>");
            station(h, c, p, st);
            h.raw(" · ")
                    .link(
                            c.href(PageRef.auditForm(p.audit().id(), st)),
                            c.words().format("audit.form.link", st))
                    .raw("</li>");
        }
        h.close("ul");
        if (p.uncountedTotal() > p.uncounted().size())
            h.element(
                    "p",
                    c.words()
                            .format(
                                    "audit.full.more",
                                    n.count(p.uncountedTotal() - p.uncounted().size())),
                    "class",
                    "muted");
    }

    private static void station(Html h, PageContext c, AuditPage p, String id) {
        h.link(c.href(PageRef.station(id)), id);
        String name = p.stationNames().getOrDefault(id, "");
        if (!name.isEmpty()) h.raw(" <small>").text(name).raw("</small>");
    }

    private static void item(Html h, String term, String value) {
        h.element("dt", term).element("dd", value);
    }

    private static String names(AuditPage p, List<String> choices) {
        if (choices.isEmpty()) return "–";
        return String.join(", ", choices.stream().map(p::choiceName).toList());
    }

    private static String ballots(List<Long> ballots) {
        return String.join(", ", ballots.stream().map(String::valueOf).toList());
    }

    /** The risk limit as a percentage, with the decimal the log holds. */
    static String limit(PageContext c, AuditStatus s) {
        return risk(c, s.riskLimit());
    }

    /** A risk as the log writes it, as a percentage followed by the log's decimal. */
    static String risk(PageContext c, String decimal) {
        try {
            return c.numbers().percent(Double.parseDouble(decimal), 2) + " (" + decimal + ")";
        } catch (NumberFormatException e) {
            return decimal;
        }
    }
}
