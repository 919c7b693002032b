package org.veritally.web.page;

import org.veritally.web.html.Html;
import org.veritally.web.link.PageRef;
import org.veritally.web.model.CampaignPage;
import org.veritally.web.model.ReportedPhoto;

/**
 * Renders the transcription campaign's progress (docs/transcription.md, "Progress"): how many photos have
 * 0, 1, 2, … transcriptions, how many are agreed, escalated, settled and rejected, and each volunteer's
 * agreement rate with the decided figures and with gold tasks. Public; no script.
 */
public final class CampaignHtml {
    private CampaignHtml() {}

    public static String render(CampaignPage p, PageContext c) {
        Html h = new Html(6_144);
        String title = c.t("campaign.title");
        Layout.open(h, c, title, false);
        h.element("h1", title);
        h.element("p", c.words().format("campaign.queued", c.numbers().count(p.photos())));
        h.raw("<dl class=\"receipt campaign\">");
        for (int i = 0; i < p.openByWork().size(); i++)
            row(
                    h,
                    c,
                    c.words().format("campaign.open", Integer.toString(i)),
                    p.openByWork().get(i),
                    "open-" + i);
        row(h, c, c.t("campaign.agreed"), p.agreed(), "agreed");
        row(h, c, c.t("campaign.escalated"), p.escalated(), "escalated");
        row(h, c, c.t("campaign.settled"), p.settled(), "settled");
        row(h, c, c.t("campaign.rejected"), p.rejected(), "rejected");
        h.raw("</dl>");
        h.element("h2", c.t("campaign.volunteers"));
        if (p.volunteers().isEmpty()) h.element("p", c.t("campaign.novolunteers"), "class", "muted");
        else {
            h.raw("<div class=\"scroll\"><table class=\"volunteers\"><thead><tr>");
            h.element("th", c.t("transcriptions.account"), "scope", "col");
            h.element("th", c.t("campaign.decided"), "scope", "col");
            h.element("th", c.t("campaign.rate"), "scope", "col");
            h.element("th", c.t("campaign.gold"), "scope", "col");
            h.element("th", c.t("campaign.paused"), "scope", "col");
            h.raw("</tr></thead><tbody>");
            for (CampaignPage.Volunteer v : p.volunteers()) {
                h.raw("<tr>").element("td", v.account(), "class", "account");
                h.element("td", c.numbers().count(v.decided()), "class", "num");
                h.element("td", rate(c, v.agreeing(), v.decided()), "class", "num rate", "data-account", v.account());
                h.element(
                        "td",
                        c.numbers().count(v.goldMatched()) + " / " + c.numbers().count(v.goldDone()),
                        "class",
                        "num");
                h.element("td", v.paused() ? c.t("campaign.yes") : "", "class", "paused");
                h.raw("</tr>");
            }
            h.raw("</tbody></table></div>");
        }
        reports(h, c, p);
        Layout.close(h, c, p.election().logSize());
        return h.toString();
    }

    /** The reported photos, folded: one row per photo with its count of accounts and of each reason. */
    private static void reports(Html h, PageContext c, CampaignPage p) {
        h.element("h2", c.t("campaign.reports"), "id", "reports");
        if (p.reports().isEmpty()) {
            h.element("p", c.t("campaign.noreports"), "class", "muted");
            return;
        }
        h.raw("<div class=\"scroll\"><table class=\"reports\"><thead><tr>");
        h.element("th", c.t("photos.title"), "scope", "col");
        h.element("th", c.t("campaign.accounts"), "scope", "col");
        h.element("th", c.t("campaign.reasons"), "scope", "col");
        h.element("th", c.t("campaign.status"), "scope", "col");
        h.raw("</tr></thead><tbody>");
        for (ReportedPhoto r : p.reports()) {
            h.raw("<tr data-photo=\"").text(r.photo()).raw("\">");
            h.raw("<td>")
                    .link(c.href(PageRef.station(r.station())), r.station())
                    .raw(" · ");
            h.text(r.source()).raw(" <code>").text(r.photo().substring(0, 12)).raw("</code></td>");
            h.element("td", c.numbers().count(r.accounts()), "class", "num accounts");
            h.element("td", reasons(c, r), "class", "reasons");
            h.element("td", c.t("transcriptions.status." + r.status()), "class", "status");
            h.raw("</tr>");
        }
        h.raw("</tbody></table></div>");
    }

    /** {@code Illegible × 2, Other × 1}: each reason with how many accounts gave it. */
    static String reasons(PageContext c, ReportedPhoto r) {
        StringBuilder b = new StringBuilder();
        r.reasons()
                .forEach((k, n) -> b.append(b.length() == 0 ? "" : ", ")
                        .append(c.t("report.reason." + k))
                        .append(" × ")
                        .append(c.numbers().count(n)));
        return b.toString();
    }

    private static void row(Html h, PageContext c, String label, int n, String key) {
        h.element("dt", label).element("dd", c.numbers().count(n), "data-count", key);
    }

    private static String rate(PageContext c, int agreeing, int decided) {
        if (decided == 0) return "–";
        return c.numbers().count(Math.round(100.0 * agreeing / decided)) + " %";
    }
}
