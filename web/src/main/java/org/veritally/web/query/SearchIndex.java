package org.veritally.web.query;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Election;
import org.veritally.core.model.Station;
import org.veritally.core.model.Unit;
import org.veritally.server.Instance;
import org.veritally.web.model.SearchPage;

/**
 * Use case: find units (a centre, a municipality) by name or id, and stations by code or name.
 * Matching ignores case and accents ({@code "san jose"} finds {@code "SAN JOSÉ"}); exact matches
 * rank first, then prefixes, then word starts, then any substring. At most {@value #LIMIT} hits of
 * each kind are returned. The normalised names are built once and rebuilt when the catalogue grows
 * (it only grows). Thread-safe: the index is swapped whole.
 */
public final class SearchIndex {
    static final int LIMIT = 50;
    static final int MIN_QUERY = 2;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private final Instance in;
    private volatile Snapshot snap = new Snapshot(-1, -1, new String[0], new String[0], new String[0], new String[0]);

    private record Snapshot(
            int units,
            int stations,
            String[] unitNames,
            String[] unitIds,
            String[] stationNames,
            String[] stationIds) {}

    private record Scored(int index, int score) {}

    public SearchIndex(Instance in) {
        this.in = in;
    }

    /** Lower case without accents, for matching. */
    public static String normalise(String s) {
        return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT)
                .strip();
    }

    public SearchPage search(String query) {
        String q = normalise(query);
        var info = Results.info(in);
        if (q.length() < MIN_QUERY) return new SearchPage(info, query, List.of(), List.of(), false);
        Snapshot s = current();
        List<Scored> units = match(q, s.unitNames, s.unitIds);
        List<Scored> stations = match(q, s.stationNames, s.stationIds);
        boolean truncated = units.size() > LIMIT || stations.size() > LIMIT;
        Election e = in.state().requireElection();
        Catalogue cat = in.state().catalogue();
        List<SearchPage.Hit> uh = new ArrayList<>();
        for (Scored m : units.subList(0, Math.min(LIMIT, units.size()))) {
            Unit u = cat.unit(m.index());
            uh.add(new SearchPage.Hit(
                    u.id(), u.name(), Results.levelName(e, u.level()), path(cat, cat.parent(m.index()))));
        }
        List<SearchPage.Hit> sh = new ArrayList<>();
        for (Scored m : stations.subList(0, Math.min(LIMIT, stations.size()))) {
            Station st = cat.station(m.index());
            int u = cat.unitOfStation(m.index());
            sh.add(new SearchPage.Hit(st.id(), st.name(), cat.unit(u).name(), path(cat, cat.parent(u))));
        }
        return new SearchPage(info, query, uh, sh, truncated);
    }

    private static List<Scored> match(String q, String[] names, String[] ids) {
        List<Scored> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            int score = Math.min(score(q, ids[i]), score(q, names[i]));
            if (score < Integer.MAX_VALUE) out.add(new Scored(i, score));
        }
        out.sort(Comparator.comparingInt(Scored::score)
                .thenComparingInt(x -> names[x.index()].length())
                .thenComparingInt(Scored::index));
        return out;
    }

    private static int score(String q, String text) {
        if (text.equals(q)) return 0;
        if (text.startsWith(q)) return 1;
        int at = text.indexOf(q);
        if (at < 0) return Integer.MAX_VALUE;
        return Character.isLetterOrDigit(text.charAt(at - 1)) ? 3 : 2;
    }

    /** Names from level 1 down to {@code unit}, joined with " › "; "" for the root. */
    private static String path(Catalogue cat, int unit) {
        if (unit < 0) return "";
        int[] up = cat.ancestry(unit);
        StringBuilder b = new StringBuilder();
        for (int i = up.length - 2; i >= 0; i--)
            b.append(b.length() == 0 ? "" : " › ").append(cat.unit(up[i]).name());
        return b.toString();
    }

    private Snapshot current() {
        Catalogue cat = in.state().catalogue();
        Snapshot s = snap;
        if (s.units == cat.unitCount() && s.stations == cat.stationCount()) return s;
        synchronized (this) {
            int nu = cat.unitCount();
            int ns = cat.stationCount();
            if (snap.units == nu && snap.stations == ns) return snap;
            String[] un = new String[nu];
            String[] ui = new String[nu];
            for (int i = 0; i < nu; i++) {
                un[i] = normalise(cat.unit(i).name());
                ui[i] = normalise(cat.unit(i).id());
            }
            String[] sn = new String[ns];
            String[] si = new String[ns];
            for (int i = 0; i < ns; i++) {
                sn[i] = normalise(cat.station(i).name());
                si[i] = normalise(cat.station(i).id());
            }
            snap = new Snapshot(nu, ns, un, ui, sn, si);
            return snap;
        }
    }
}
