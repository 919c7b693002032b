package org.veritally.web.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.veritally.web.html.Html;

/**
 * Machine-readable figures on static-mirror pages, so that {@code bin/veritally verify} can check
 * every number a page shows against the totals it recomputes from the log (check {@code VFY-PAGES},
 * docs/verify.md). The element holding a figure's visible text gets {@code data-vt} (what the figure
 * is) and {@code data-v} (its raw value); its text content is exactly the formatted figure, with no
 * markup inside. Keys ({@code |}-separated; ids never hold {@code |}):
 *
 * <ul>
 *   <li>{@code t|<unit>|<contest>|<view>|<field>}: a unit's total in a view; field {@code stations},
 *       {@code stationsTotal}, {@code registered}, {@code registeredTotal}, {@code ballots}, {@code
 *       valid}, {@code null}, {@code blank}, {@code cand:<candidate>}, or {@code stationsUniverse}
 *       and {@code registeredUniverse} (the election's declared universe of the unit, where coverage
 *       divides by it: docs/coverage.md); value the integer;
 *   <li>{@code p|<unit>|<contest>|<view>|<part>|<whole>}: the share part / whole of two such fields,
 *       value {@code <part>/<whole>}, text a percentage with one decimal, or "–" when whole is 0;
 *   <li>{@code s|<station>|registered} (the catalogue's registered voters) and {@code
 *       s|<station>|<contest>|copies} (how many sources hold a current copy);
 *   <li>{@code c|<station>|<contest>|<source>|<field>}: a source's current copy; field {@code
 *       registered}, {@code ballots}, {@code valid}, {@code null}, {@code blank}, {@code line:<choice>}
 *       or {@code index} (its log index); value empty (text "—") where the sheet does not carry it;
 *   <li>{@code n|logSize}, {@code n|checkpointSize}: the log's size.
 * </ul>
 *
 * On the live site ({@link org.veritally.web.link.Links#isStatic()} false) nothing is added: the
 * live pages stay as they were. Stateless.
 */
public final class Figures {
    private Figures() {}

    /** A unit's total. */
    public static String total(String unit, String contest, String view, String field) {
        return "t|" + unit + "|" + contest + "|" + view + "|" + field;
    }

    /** A share of two totals of a unit. */
    public static String share(String unit, String contest, String view, String part, String whole) {
        return "p|" + unit + "|" + contest + "|" + view + "|" + part + "|" + whole;
    }

    /** A station's catalogue figure or count of copies. */
    public static String station(String station, String field) {
        return "s|" + station + "|" + field;
    }

    /** A source's current copy's field. */
    public static String copy(String station, String contest, String source, String field) {
        return "c|" + station + "|" + contest + "|" + source + "|" + field;
    }

    /** The raw value of a share. */
    public static String ratio(long part, long whole) {
        return part + "/" + whole;
    }

    /**
     * {@code attrs} with the figure's {@code data-vt} and {@code data-v} added on a static mirror, where
     * the live script's hooks ({@code data-f}, {@code data-cand}, {@code data-share}) are left out.
     */
    public static String[] attrs(PageContext c, String key, String value, String... attrs) {
        if (!c.links().isStatic()) return attrs;
        List<String> out = new ArrayList<>(attrs.length + 4);
        for (int i = 0; i + 1 < attrs.length; i += 2) {
            if (LIVE_HOOKS.contains(attrs[i])) continue;
            out.add(attrs[i]);
            out.add(attrs[i + 1]);
        }
        out.add("data-vt");
        out.add(key);
        out.add("data-v");
        out.add(value);
        return out.toArray(String[]::new);
    }

    /** The live script's hooks, of no use on a static mirror. */
    static final Set<String> LIVE_HOOKS = Set.of("data-f", "data-cand", "data-share", "data-bar");

    /** {@code <tag attrs>text</tag>}, the figure tagged on a static mirror. */
    public static void element(
            Html h, PageContext c, String tag, String key, String value, String text, String... attrs) {
        h.open(tag, attrs(c, key, value, attrs)).text(text).close(tag);
    }

    /**
     * The message {@code messageKey} with its single placeholder filled by the formatted figure, which
     * is wrapped in a tagged {@code <span>} on a static mirror; plain text on the live site.
     */
    public static void inMessage(Html h, PageContext c, String messageKey, String key, String value, String text) {
        if (!c.links().isStatic()) {
            h.text(c.words().format(messageKey, text));
            return;
        }
        String marker = "\u0000";
        String whole = c.words().format(messageKey, marker);
        int at = whole.indexOf(marker);
        h.text(whole.substring(0, at));
        element(h, c, "span", key, value, text);
        h.text(whole.substring(at + marker.length()));
    }
}
