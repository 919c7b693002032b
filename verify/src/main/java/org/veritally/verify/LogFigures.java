package org.veritally.verify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Denominator;
import org.veritally.core.model.Election;
import org.veritally.core.model.Station;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.tabulate.Tabulation;
import org.veritally.core.tabulate.Tally;
import org.veritally.formats.replay.LogReplay;

/**
 * The figures a static mirror's pages may show, recomputed from the replayed log: the value of any
 * figure key (docs/verify.md, {@code VFY-PAGES}), the pages the mirror must have, and the figures
 * each of those pages must show. Thread-safe once built (the replay is finished and only read).
 */
final class LogFigures {

    /** Where a unit page lists at most this many of its own stations (the site's limit). */
    static final int MAX_STATIONS = 1000;

    private final Election election;
    private final Catalogue cat;
    private final Tabulation tab;
    private final LogReplay replay;
    private final long treeSize;

    LogFigures(LogReplay replay, long treeSize) {
        this.replay = replay;
        this.election = replay.election().orElseThrow();
        this.cat = replay.catalogue();
        this.tab = replay.tabulation();
        this.treeSize = treeSize;
    }

    /** What a key names, and its value: a count (empty when the sheet lacks the field), or a share. */
    sealed interface Value permits Count, Share {}

    record Count(String value) implements Value {}

    record Share(long part, long whole) implements Value {
        String raw() {
            return part + "/" + whole;
        }
    }

    /** The value of figure {@code key}; empty when the key names nothing in the log. */
    Optional<Value> value(String key) {
        String[] k = key.split("\\|", -1);
        try {
            return switch (k[0]) {
                case "t" ->
                    k.length == 5
                            ? total(k[1], k[2], k[3], k[4]).map(v -> new Count(Long.toString(v)))
                            : Optional.empty();
                case "p" -> k.length == 6 ? share(k) : Optional.empty();
                case "s" -> station(k);
                case "c" -> k.length == 5 ? copy(k[1], k[2], k[3], k[4]) : Optional.empty();
                case "n" ->
                    k.length == 2 && (k[1].equals("logSize") || k[1].equals("checkpointSize"))
                            ? Optional.of(new Count(Long.toString(treeSize)))
                            : Optional.empty();
                default -> Optional.empty();
            };
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<Value> share(String[] k) {
        Optional<Long> part = total(k[1], k[2], k[3], k[4]);
        Optional<Long> whole = total(k[1], k[2], k[3], k[5]);
        if (part.isEmpty() || whole.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Share(part.get(), whole.get()));
    }

    /** The source index of a view, {@link Tabulation#CONSENSUS}, or empty when the log has no such view. */
    Optional<Integer> view(String view) {
        if (view.equals("consensus")) {
            return Optional.of(Tabulation.CONSENSUS);
        }
        if (view.equals("official")) {
            return tab.authority().map(a -> tab.sourceIndex(a.id()));
        }
        if (view.startsWith("source:")) {
            int s = tab.sourceIndex(view.substring(7));
            return s < 0 ? Optional.empty() : Optional.of(s);
        }
        return Optional.empty();
    }

    private Optional<Long> total(String unitId, String contestId, String view, String field) {
        int u = cat.unitIndex(unitId);
        int c = election.contestIndex(contestId);
        Optional<Integer> src = view(view);
        if (u < 0 || c < 0 || src.isEmpty()) {
            return Optional.empty();
        }
        Tally t = tab.tally(c, src.get(), u);
        return switch (field) {
            case "stations" -> Optional.of(t.stations());
            case "stationsTotal" -> Optional.of(cat.stationsBelow(u));
            case "registered" -> Optional.of(t.registered());
            case "registeredTotal" -> Optional.of(cat.registeredBelow(u));
            case "stationsUniverse" -> universe(u).map(Denominator::stations);
            case "registeredUniverse" -> universe(u).map(Denominator::registered);
            case "ballots" -> Optional.of(t.ballots());
            case "valid" -> Optional.of(t.valid());
            case "null" -> Optional.of(t.nulls());
            case "blank" -> Optional.of(t.blank());
            default ->
                field.startsWith("cand:")
                        ? candidate(election.contests().get(c), t, field.substring(5))
                        : Optional.empty();
        };
    }

    /** The unit's declared universe; a page showing one for a unit with none declared shows a wrong figure. */
    private Optional<Denominator> universe(int u) {
        Denominator d = Denominator.of(election, cat, u);
        return d.declared() ? Optional.of(d) : Optional.empty();
    }

    private static Optional<Long> candidate(Contest contest, Tally t, String candidateId) {
        int k = contest.candidateIndex(candidateId);
        if (k < 0) {
            return Optional.empty();
        }
        int[] of = contest.candidateOfChoice();
        long[] votes = t.votes();
        long sum = 0;
        for (int i = 0; i < of.length; i++) {
            if (of[i] == k) {
                sum += votes[i];
            }
        }
        return Optional.of(sum);
    }

    private Optional<Value> station(String[] k) {
        int s = cat.stationIndex(k[1]);
        if (s < 0) {
            return Optional.empty();
        }
        if (k.length == 3 && k[2].equals("registered")) {
            return Optional.of(new Count(Long.toString(cat.station(s).registeredVoters())));
        }
        if (k.length == 4 && k[3].equals("copies")) {
            int c = election.contestIndex(k[2]);
            if (c < 0) {
                return Optional.empty();
            }
            int n = 0;
            for (int src = 0; src < tab.sources().size(); src++) {
                if (replay.current(s, c, src).isPresent()) {
                    n++;
                }
            }
            return Optional.of(new Count(Integer.toString(n)));
        }
        return Optional.empty();
    }

    private Optional<Value> copy(String stationId, String contestId, String sourceId, String field) {
        int s = cat.stationIndex(stationId);
        int c = election.contestIndex(contestId);
        int src = tab.sourceIndex(sourceId);
        if (s < 0 || c < 0 || src < 0) {
            return Optional.empty();
        }
        Optional<LogReplay.CurrentSheet> copy = replay.current(s, c, src);
        if (copy.isEmpty()) {
            return Optional.empty();
        }
        TallySheet sheet = copy.get().sheet();
        SummaryCounts k = sheet.counts();
        long v;
        switch (field) {
            case "index" -> v = copy.get().index();
            case "registered" -> v = k.registered();
            case "ballots" -> v = k.ballotsCast();
            case "valid" -> v = k.valid();
            case "null" -> v = k.nulls();
            case "blank" -> v = k.blank();
            default -> {
                if (!field.startsWith("line:")) {
                    return Optional.empty();
                }
                int line = election.contests().get(c).choiceIndex(field.substring(5));
                if (line < 0) {
                    return Optional.empty();
                }
                v = sheet.vote(line);
            }
        }
        return Optional.of(new Count(v == SummaryCounts.ABSENT ? "" : Long.toString(v)));
    }

    /** The views a reader can choose, as the site lists them: official, the other sources, consensus. */
    List<String> views() {
        List<String> out = new ArrayList<>();
        if (tab.sources().isEmpty()) {
            return out;
        }
        Optional<String> authority = tab.authority().map(a -> a.id());
        if (authority.isPresent()) {
            out.add("official");
        }
        for (var s : tab.sources()) {
            if (!authority.equals(Optional.of(s.id()))) {
                out.add("source:" + s.id());
            }
        }
        out.add("consensus");
        return out;
    }

    /** The view the overview opens in: official, else the first source. */
    Optional<String> defaultView() {
        if (tab.authority().isPresent()) {
            return Optional.of("official");
        }
        return tab.sources().stream().findFirst().map(s -> "source:" + s.id());
    }

    /** The path of a page under its language, as the mirror lays it out ({@code :} in a view becomes {@code -}). */
    static String unitPage(String contest, String view, String unit) {
        return "unit/" + contest + "/" + view.replace(':', '-') + "/" + unit + ".html";
    }

    static String stationPage(String station) {
        return "station/" + station + ".html";
    }

    /** Every page the mirror must have under each language (the overviews, every unit page, every station page). */
    List<String> requiredPages() {
        List<String> out = new ArrayList<>();
        if (views().isEmpty()) {
            return out;
        }
        out.add("index.html");
        for (String v : views()) {
            out.add("overview/" + v.replace(':', '-') + ".html");
        }
        for (int u = 0; u < cat.unitCount(); u++) {
            for (Contest c : election.contests()) {
                for (String v : views()) {
                    out.add(unitPage(c.id(), v, cat.unit(u).id()));
                }
            }
        }
        for (int s = 0; s < cat.stationCount(); s++) {
            out.add(stationPage(cat.station(s).id()));
        }
        return out;
    }

    /**
     * The figures that the page at {@code page} (a path under its language) must show, by key; empty
     * for a page that has none required (or is not one of the required pages).
     */
    Set<String> requiredFigures(String page) {
        Set<String> out = new LinkedHashSet<>();
        String root = election.rootUnitId();
        if (page.equals("index.html") || page.startsWith("overview/")) {
            Optional<String> view = page.equals("index.html")
                    ? defaultView()
                    : views().stream()
                            .filter(v -> page.equals("overview/" + v.replace(':', '-') + ".html"))
                            .findFirst();
            view.ifPresent(
                    v -> election.contests().forEach(c -> out.add("t|" + root + "|" + c.id() + "|" + v + "|valid")));
            return out;
        }
        if (page.startsWith("unit/")) {
            String[] p = page.split("/");
            if (p.length != 4 || !p[3].endsWith(".html")) {
                return out;
            }
            String contest = p[1];
            String unitId = p[3].substring(0, p[3].length() - 5);
            Optional<String> view = views().stream()
                    .filter(v -> v.replace(':', '-').equals(p[2]))
                    .findFirst();
            int u = cat.unitIndex(unitId);
            Optional<Contest> c = election.contest(contest);
            if (view.isEmpty() || u < 0 || c.isEmpty()) {
                return out;
            }
            String v = view.get();
            // A unit page shows the denominator coverage divides by: the declared universe where there is one.
            String whole = universe(u).isPresent() ? "stationsUniverse" : "stationsTotal";
            for (String f : List.of("stations", whole, "valid", "null", "blank", "ballots")) {
                out.add("t|" + unitId + "|" + contest + "|" + v + "|" + f);
            }
            for (var k : c.get().candidates()) {
                out.add("t|" + unitId + "|" + contest + "|" + v + "|cand:" + k.id());
            }
            for (int child : cat.childUnits(u)) {
                out.add("t|" + cat.unit(child).id() + "|" + contest + "|" + v + "|valid");
            }
            List<Integer> own = cat.stationsOf(u);
            for (int s : own.subList(0, Math.min(own.size(), MAX_STATIONS))) {
                out.add("s|" + cat.station(s).id() + "|registered");
            }
            return out;
        }
        if (page.startsWith("station/") && page.endsWith(".html")) {
            String id = page.substring(8, page.length() - 5);
            int s = cat.stationIndex(id);
            if (s < 0) {
                return out;
            }
            Station st = cat.station(s);
            out.add("s|" + st.id() + "|registered");
            for (int c = 0; c < election.contests().size(); c++) {
                Contest contest = election.contests().get(c);
                for (int src = 0; src < tab.sources().size(); src++) {
                    if (replay.current(s, c, src).isEmpty()) {
                        continue;
                    }
                    String base = "c|" + st.id() + "|" + contest.id() + "|"
                            + tab.sources().get(src).id() + "|";
                    for (String f : List.of("index", "registered", "ballots", "valid", "null", "blank")) {
                        out.add(base + f);
                    }
                    for (var ch : contest.choices()) {
                        out.add(base + "line:" + ch.id());
                    }
                }
            }
        }
        return out;
    }
}
