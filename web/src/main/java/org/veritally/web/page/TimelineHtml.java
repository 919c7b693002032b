package org.veritally.web.page;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.veritally.formats.timeline.Timeline;
import org.veritally.web.html.Html;
import org.veritally.web.i18n.Numbers;
import org.veritally.web.link.PageRef;
import org.veritally.web.model.TimelinePage;

/**
 * Renders the reporting timeline of a unit (docs/timeline.md): which denominator "stations reporting"
 * is out of, two inline SVG line charts against the log size (stations reporting as a share of the
 * denominator; each choice's share of the valid votes), each with a title and a description and the
 * same numbers as a table, the checkpoints' times on the axis and in the table, and the arrival of each
 * source's sheets. No script: the charts are drawn on the server. Stateless.
 */
public final class TimelineHtml {
    static final int W = 640;
    static final int H = 200;
    static final int LEFT = 48;
    static final int RIGHT = 12;
    static final int TOP = 10;
    static final int BOTTOM = 44;
    /** Line colours of the choices, in ballot order (repeating past the eighth). */
    static final List<String> COLOURS =
            List.of("#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#5d4037", "#757575");

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private TimelineHtml() {}

    public static String render(TimelinePage p, PageContext c) {
        Timeline t = p.timeline();
        Html h = new Html(16_384 + 200 * t.points().size() * (2 + t.choices().size()));
        String title = c.words().format("timeline.heading", p.unit().name());
        Layout.open(h, c, title, false);
        Selectors.crumbs(h, c, p.ancestry(), t.contest(), t.view());
        h.element("h1", title);
        Selectors.options(
                h,
                c,
                "nav.contest",
                p.contests(),
                id -> PageRef.timeline(p.unit().unitId(), id, t.view()));
        Selectors.options(
                h, c, "nav.view", p.views(), v -> PageRef.timeline(p.unit().unitId(), t.contest(), v));
        h.element("p", c.words().format("timeline.intro", p.contestName()));
        h.element(
                "p",
                c.t(t.denominator().declared() ? "coverage.basis.universe" : "coverage.basis.catalogue")
                        + " "
                        + c.words()
                                .format(
                                        "timeline.denominator",
                                        c.numbers().count(t.denominator().stations())),
                "class",
                "muted");
        stationsChart(h, c, t);
        sharesChart(h, c, t);
        table(h, c, t);
        arrivals(h, c, p);
        h.raw("<p class=\"more\">")
                .link(c.href(PageRef.unit(p.unit().unitId(), t.contest(), t.view())), c.t("timeline.back"));
        c.links()
                .api("/api/timeline", "unit", p.unit().unitId(), "contest", t.contest(), "view", t.view())
                .ifPresent(api -> h.raw(" · ").link(api, c.t("timeline.json")));
        h.raw("</p>");
        Layout.close(h, c, p.election().logSize());
        return h.toString();
    }

    private static double x(Timeline t, long size) {
        long max = Math.max(1, t.logSize());
        return LEFT + (W - LEFT - RIGHT) * (double) size / max;
    }

    private static double y(double ratio, double top) {
        return TOP + (H - TOP - BOTTOM) * (1 - Math.min(1, ratio / top));
    }

    private static void stationsChart(Html h, PageContext c, Timeline t) {
        Numbers n = c.numbers();
        long denominator = t.denominator().stations();
        Timeline.Point last = last(t);
        open(
                h,
                c,
                "tl-st",
                c.t("timeline.stations.chart"),
                c.words()
                        .format(
                                "timeline.stations.desc",
                                n.count(last.stationsReporting()),
                                n.share(last.stationsReporting(), denominator),
                                n.count(t.logSize())));
        axes(h, c, t, 1.0);
        StringBuilder pts = new StringBuilder();
        for (Timeline.Point q : t.points())
            pts.append(num(x(t, q.logSize())))
                    .append(',')
                    .append(num(y(ratio(q.stationsReporting(), denominator), 1.0)))
                    .append(' ');
        h.raw("<polyline fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\"")
                .attr("points", pts.toString().strip())
                .raw("/></svg></figure>");
    }

    private static void sharesChart(Html h, PageContext c, Timeline t) {
        Numbers n = c.numbers();
        double top = 0.1;
        for (Timeline.Point q : t.points()) for (double s : q.shares()) top = Math.max(top, s);
        top = Math.min(1.0, Math.ceil(top * 10) / 10);
        Timeline.Point last = last(t);
        StringBuilder now = new StringBuilder();
        for (int i = 0; i < t.choices().size(); i++)
            now.append(i == 0 ? "" : "; ")
                    .append(t.choices().get(i).name())
                    .append(' ')
                    .append(n.percent(last.share(i), 1));
        open(
                h,
                c,
                "tl-sh",
                c.t("timeline.shares.chart"),
                c.words().format("timeline.shares.desc", n.count(t.logSize()), now.toString()));
        axes(h, c, t, top);
        for (int i = 0; i < t.choices().size(); i++) {
            StringBuilder pts = new StringBuilder();
            for (Timeline.Point q : t.points()) {
                if (q.validVotes() == 0) continue;
                pts.append(num(x(t, q.logSize())))
                        .append(',')
                        .append(num(y(q.share(i), top)))
                        .append(' ');
            }
            if (pts.isEmpty()) continue;
            h.raw("<polyline fill=\"none\" stroke-width=\"2\"")
                    .attr("stroke", COLOURS.get(i % COLOURS.size()))
                    .attr("points", pts.toString().strip())
                    .raw("/>");
        }
        h.raw("</svg>");
        h.raw("<figcaption><ul class=\"legend\">");
        for (int i = 0; i < t.choices().size(); i++) {
            h.raw("<li><span aria-hidden=\"true\"")
                    .attr("style", "color:" + COLOURS.get(i % COLOURS.size()))
                    .raw(">■</span> ")
                    .text(t.choices().get(i).name())
                    .raw(" ")
                    .text(n.percent(last.share(i), 1))
                    .raw("</li>");
        }
        h.raw("</ul></figcaption></figure>");
    }

    private static void open(Html h, PageContext c, String id, String title, String desc) {
        h.raw("<figure class=\"timeline\"><svg xmlns=\"http://www.w3.org/2000/svg\"")
                .attr("viewBox", "0 0 " + W + " " + H)
                .attr("aria-labelledby", id + "-t " + id + "-d")
                .raw(" role=\"img\" font-size=\"12\" font-family=\"system-ui,sans-serif\">");
        h.raw("<title").attr("id", id + "-t").raw(">").text(title).raw("</title>");
        h.raw("<desc").attr("id", id + "-d").raw(">").text(desc).raw("</desc>");
    }

    /** The frame, the share labels (0 and {@code top}), and the log sizes and times at both ends. */
    private static void axes(Html h, PageContext c, Timeline t, double top) {
        Numbers n = c.numbers();
        int bottom = H - BOTTOM;
        h.raw("<path fill=\"none\" stroke=\"#555\"")
                .attr("d", "M" + LEFT + " " + TOP + "V" + bottom + "H" + (W - RIGHT))
                .raw("/>");
        label(h, "end", LEFT - 4, TOP + 10, n.percent(top, 0));
        label(h, "end", LEFT - 4, bottom, n.percent(0, 0));
        label(h, "start", LEFT, bottom + 14, "0");
        label(h, "end", W - RIGHT, bottom + 14, c.words().format("timeline.axis.size", n.count(t.logSize())));
        OptionalLong first = OptionalLong.empty();
        for (Timeline.Point q : t.points())
            if (q.timeMs().isPresent()) {
                first = q.timeMs();
                break;
            }
        OptionalLong lastTime = last(t).timeMs();
        if (first.isPresent())
            label(h, "start", LEFT, bottom + 30, UTC.format(Instant.ofEpochMilli(first.getAsLong())));
        if (lastTime.isPresent())
            label(h, "end", W - RIGHT, bottom + 30, UTC.format(Instant.ofEpochMilli(lastTime.getAsLong())));
    }

    private static void label(Html h, String anchor, double x, double y, String text) {
        h.raw("<text")
                .attr("text-anchor", anchor)
                .attr("x", num(x))
                .attr("y", num(y))
                .raw(">")
                .text(text)
                .raw("</text>");
    }

    private static void table(Html h, PageContext c, Timeline t) {
        Numbers n = c.numbers();
        String title = c.t("timeline.table");
        h.raw("<details><summary>").text(title).raw("</summary>");
        h.open("div", "class", "scroll", "tabindex", "0", "role", "region", "aria-label", title)
                .raw("<table><thead><tr>");
        h.element("th", c.t("timeline.col.size"), "scope", "col", "class", "n")
                .element("th", c.t("timeline.col.time"), "scope", "col")
                .element("th", c.t("timeline.col.stations"), "scope", "col", "class", "n")
                .element("th", c.t("timeline.col.share"), "scope", "col", "class", "n");
        for (Timeline.Choice ch : t.choices()) h.element("th", ch.name(), "scope", "col", "class", "n");
        h.raw("</tr></thead><tbody>");
        for (Timeline.Point q : t.points()) {
            h.raw("<tr>").element("th", n.count(q.logSize()), "scope", "row", "class", "n");
            h.element("td", time(c, q.timeMs()))
                    .element("td", n.count(q.stationsReporting()), "class", "n")
                    .element(
                            "td", n.share(q.stationsReporting(), t.denominator().stations()), "class", "n");
            for (int i = 0; i < t.choices().size(); i++)
                h.element("td", n.share(q.votes().get(i), q.validVotes()), "class", "n");
            h.raw("</tr>");
        }
        h.raw("</tbody></table></div></details>");
    }

    private static void arrivals(Html h, PageContext c, TimelinePage p) {
        Numbers n = c.numbers();
        Timeline t = p.timeline();
        h.raw("<section aria-labelledby=\"h-arrivals\"><h2 id=\"h-arrivals\">")
                .text(c.t("timeline.arrivals"))
                .raw("</h2>");
        h.element("p", c.t("timeline.arrivals.intro"), "class", "muted");
        h.open("div", "class", "scroll", "tabindex", "0", "role", "region", "aria-labelledby", "h-arrivals")
                .raw("<table><thead><tr>");
        h.element("th", c.t("timeline.col.source"), "scope", "col")
                .element("th", c.t("timeline.col.sheets"), "scope", "col", "class", "n")
                .element("th", c.t("timeline.col.first"), "scope", "col")
                .element("th", c.t("timeline.col.last"), "scope", "col")
                .raw("</tr></thead><tbody>");
        for (int i = 0; i < t.arrivals().size(); i++) {
            Timeline.Arrival a = t.arrivals().get(i);
            String name = i < p.sourceNames().size() ? p.sourceNames().get(i) : a.source();
            h.raw("<tr>").element("th", name, "scope", "row");
            h.element("td", n.count(a.sheets()), "class", "n")
                    .element("td", entry(c, a.firstIndex(), a.firstTimeMs()))
                    .element("td", entry(c, a.lastIndex(), a.lastTimeMs()))
                    .raw("</tr>");
        }
        h.raw("</tbody></table></div></section>");
    }

    private static String entry(PageContext c, OptionalLong index, OptionalLong time) {
        if (index.isEmpty()) return c.t("timeline.none");
        return c.words().format("timeline.entry", c.numbers().count(index.getAsLong()), time(c, time));
    }

    private static String time(PageContext c, OptionalLong ms) {
        return ms.isPresent() ? UTC.format(Instant.ofEpochMilli(ms.getAsLong())) : c.t("timeline.notime");
    }

    private static Timeline.Point last(Timeline t) {
        return t.points().get(t.points().size() - 1);
    }

    private static double ratio(long part, long whole) {
        return whole <= 0 ? 0 : (double) part / whole;
    }

    private static String num(double x) {
        return String.format(Locale.ROOT, "%.1f", x);
    }
}
