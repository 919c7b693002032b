package org.veritally.web.query;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.veritally.web.i18n.Numbers;
import org.veritally.web.model.CandidateLine;
import org.veritally.web.model.ChildRow;
import org.veritally.web.model.ChildSort;

/**
 * Orders a unit's children for a {@link ChildSort}: names by the reader's collation, coverage by
 * the share of stations reporting, valid votes, or a candidate's share of the valid votes. Ties
 * fall back to the unit id, so the order is total and the same on every render. Stateless.
 */
public final class ChildOrder {
    private ChildOrder() {}

    public static Comparator<ChildRow> of(ChildSort sort, List<CandidateLine> columns, Locale locale) {
        Comparator<ChildRow> c = switch (sort.key()) {
            case "coverage" ->
                Comparator.comparingDouble(r -> Numbers.ratio(
                        r.coverage().stationsReporting(), r.coverage().stationsTotal()));
            case "valid" -> Comparator.comparingLong(ChildRow::valid);
            case "name" -> byName(locale);
            default -> byShare(sort.key().substring("share:".length()), columns);
        };
        if (sort.descending()) c = c.reversed();
        return c.thenComparing(ChildRow::unitId);
    }

    /** Collation order, with runs of digits compared as numbers ("Mesa 2" before "Mesa 10"). */
    static Comparator<ChildRow> byName(Locale locale) {
        Collator col = Collator.getInstance(locale);
        col.setStrength(Collator.SECONDARY);
        return (a, b) -> natural(a.name(), b.name(), col);
    }

    static int natural(String a, String b, Collator col) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ei = run(a, i);
            int ej = run(b, j);
            String ra = a.substring(i, ei);
            String rb = b.substring(j, ej);
            int c;
            if (Character.isDigit(ra.charAt(0)) && Character.isDigit(rb.charAt(0))) {
                String na = ra.replaceFirst("^0+(?=.)", "");
                String nb = rb.replaceFirst("^0+(?=.)", "");
                c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
            } else {
                c = col.compare(ra, rb);
            }
            if (c != 0) return c;
            i = ei;
            j = ej;
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** End of the run (all digits, or no digits) starting at {@code from}. */
    private static int run(String s, int from) {
        boolean digits = Character.isDigit(s.charAt(from));
        int k = from + 1;
        while (k < s.length() && Character.isDigit(s.charAt(k)) == digits) k++;
        return k;
    }

    private static Comparator<ChildRow> byShare(String candidateId, List<CandidateLine> columns) {
        int i = 0;
        while (i < columns.size() && !columns.get(i).id().equals(candidateId)) i++;
        if (i == columns.size()) return Comparator.comparing(ChildRow::unitId);
        int k = i;
        return Comparator.comparingDouble(r -> Numbers.ratio(r.votes().get(k), r.valid()));
    }
}
