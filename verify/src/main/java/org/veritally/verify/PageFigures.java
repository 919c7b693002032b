package org.veritally.verify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The machine-readable figures of a static mirror's page (docs/verify.md, {@code VFY-PAGES}): every
 * element carrying {@code data-vt="<key>"} and {@code data-v="<value>"}, with its text content (up
 * to the next tag). A figure whose element holds markup or lacks {@code data-v} is read with what is
 * there, and the check reports it. Stateless.
 */
final class PageFigures {

    private PageFigures() {}

    /** One figure: what it is, its raw value, and the text the page shows for it. */
    record Figure(String key, String value, String text) {}

    private static final String KEY = "data-vt=\"";
    private static final String VALUE = "data-v=\"";

    static List<Figure> of(byte[] html) {
        String s = new String(html, StandardCharsets.UTF_8);
        List<Figure> out = new ArrayList<>();
        int at = 0;
        while ((at = s.indexOf(KEY, at)) >= 0) {
            int keyEnd = s.indexOf('"', at + KEY.length());
            int tagEnd = s.indexOf('>', at);
            if (keyEnd < 0 || tagEnd < 0) {
                break;
            }
            String key = unescape(s.substring(at + KEY.length(), keyEnd));
            String value = null;
            int v = s.indexOf(VALUE, keyEnd);
            if (v >= 0 && v < tagEnd) {
                int valueEnd = s.indexOf('"', v + VALUE.length());
                if (valueEnd > 0) {
                    value = unescape(s.substring(v + VALUE.length(), valueEnd));
                    tagEnd = s.indexOf('>', valueEnd);
                }
            }
            int textEnd = s.indexOf('<', tagEnd + 1);
            String text = textEnd < 0 ? "" : unescape(s.substring(tagEnd + 1, textEnd));
            out.add(new Figure(key, value, text));
            at = tagEnd;
        }
        return out;
    }

    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        return s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /**
     * Whether {@code text} shows the integer {@code value}: its digits, grouped by threes with any of
     * the separators the site's languages use ({@code 1,234}, {@code 1.234}, {@code 1 234}). An absent
     * value is shown as "—".
     */
    static boolean showsCount(String text, String value) {
        String t = text.strip();
        if (value.isEmpty()) {
            return t.equals("—");
        }
        if (!t.matches("\\d{1,3}([.,\u00a0\u202f ]\\d{3})*|\\d+")) {
            return false;
        }
        return t.replaceAll("\\D", "").replaceFirst("^0+(?=\\d)", "").equals(value.replaceFirst("^0+(?=\\d)", ""));
    }

    /**
     * Whether {@code text} shows the share {@code part / whole} as a percentage with one decimal
     * ({@code 66.6%}, {@code 66,6 %}), rounded either way from the exact ratio; "–" when whole is 0.
     */
    static boolean showsShare(String text, long part, long whole) {
        String t = text.strip();
        if (whole <= 0) {
            return t.equals("–");
        }
        if (!t.matches("\\d{1,3}([.,\u00a0\u202f ]\\d{3})*[.,]\\d[\u00a0\u202f ]?%")) {
            return false;
        }
        long tenths = Long.parseLong(t.replaceAll("\\D", ""));
        double exact = (double) part * 1000 / whole;
        return Math.abs(tenths - exact) <= 0.5 + 1e-9;
    }
}
