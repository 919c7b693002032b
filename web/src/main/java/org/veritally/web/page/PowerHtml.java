package org.veritally.web.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.web.html.Html;
import org.veritally.web.i18n.Numbers;

/**
 * The measured power of each forensic check, beside its caveat: the table that {@code bench/power-study.sh}
 * writes ({@code power-study.tsv}, kept as a resource of this module), one row per check with its false-alarm
 * rate on clean synthetic elections and its detection rate for each manipulation and size. Nothing is shown
 * when the resource is absent. Stateless; the table is read once.
 */
final class PowerHtml {
    static final String RESOURCE = "/org/veritally/web/power-study.tsv";
    private static final List<String> MANIPULATIONS =
            List.of("NONE", "BALLOT_STUFFING", "ROUND_TARGETS", "VOTES_MOVED", "INVENTED_STATIONS");

    /** The table: its first line ("# stations=… elections=…") and rate by rule, then "manipulation fraction". */
    record Table(String about, Map<String, Map<String, Double>> rates, List<String> columns) {}

    private static final Optional<Table> TABLE = load();

    private PowerHtml() {}

    static Optional<Table> load() {
        try (InputStream in = PowerHtml.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return Optional.empty();
            return Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Table parse(String tsv) {
        String about = "";
        Map<String, Map<String, Double>> rates = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            if (line.startsWith("#")) {
                about = line.substring(1).trim();
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 4 || f[0].equals("rule")) continue;
            String col = f[1] + " " + f[2];
            if (!columns.contains(col)) columns.add(col);
            rates.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(col, Double.parseDouble(f[3]));
        }
        columns.sort((a, b) -> {
            int ma = MANIPULATIONS.indexOf(a.split(" ")[0]);
            int mb = MANIPULATIONS.indexOf(b.split(" ")[0]);
            return ma != mb ? Integer.compare(ma, mb) : a.compareTo(b);
        });
        return new Table(about, rates, columns);
    }

    /** The page's caveat of a rule: the pair tests share one, as do the two integer-percentage tests. */
    static String caveatOf(String rule) {
        return switch (rule) {
            case "ST-LD-ADJ" -> "ST-LD-REPEAT";
            case "ST-INTPCT-SHARE" -> "ST-INTPCT-TURNOUT";
            default -> rule;
        };
    }

    static void write(Html h, PageContext c) {
        TABLE.ifPresent(t -> write(h, c, t));
    }

    static void write(Html h, PageContext c, Table t) {
        Numbers n = c.numbers();
        h.raw("<section aria-labelledby=\"h-power\"><h2 id=\"h-power\">")
                .text(c.t("stats.power"))
                .raw("</h2>");
        h.element("p", c.t("stats.power.what"));
        h.open("div", "class", "scroll", "tabindex", "0", "role", "region", "aria-labelledby", "h-power")
                .raw("<table><thead><tr>");
        h.element("th", c.t("stats.power.check"), "scope", "col");
        for (String col : t.columns()) {
            String[] mf = col.split(" ");
            String head = mf[0].equals("NONE")
                    ? c.t("stats.power.clean")
                    : c.words()
                            .format(
                                    "stats.power.col",
                                    c.t("stats.power.m." + mf[0]),
                                    n.percent(Double.parseDouble(mf[1]), 0));
            h.element("th", head, "scope", "col", "class", "n");
        }
        h.element("th", c.t("stats.power.caveat"), "scope", "col").raw("</tr></thead><tbody>");
        t.rates().forEach((rule, byCol) -> {
            h.raw("<tr><th scope=\"row\"><code>").text(rule).raw("</code></th>");
            for (String col : t.columns()) {
                Double v = byCol.get(col);
                h.element("td", v == null ? "–" : n.percent(v, 0), "class", "n");
            }
            h.element("td", c.t("rule." + caveatOf(rule) + ".caveat")).raw("</tr>");
        });
        h.raw("</tbody></table></div>");
        h.raw("<p class=\"muted\">")
                .text(c.t("stats.power.fp") + " " + c.words().format("stats.power.source", t.about()))
                .raw("</p></section>");
    }
}
