package org.veritally.formats.qr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.veritally.core.model.Candidate;
import org.veritally.core.model.Choice;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.Station;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.Unit;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.formats.Definition;
import org.veritally.formats.csv.SheetRow;

/**
 * What verified boletins define and report (docs/formats.md, {@code br-bu-qr}). The election is the pleito and
 * round ({@code br-<PLEI>-<TURN>}); the hierarchy country {@code BR} → state {@code UF} → municipality
 * {@code UF.MUNI} → zone {@code UF.MUNI.ZONA} (the zone's part within the municipality), and the station is the
 * section {@code UF.MUNI.ZONA.SECA}, its registered voters {@code APTO}; one contest per office {@code cargo-<CARG>},
 * whose choices are the candidate numbers seen and, for proportional offices, one {@code LEG-<party>} line per
 * party for its party-only votes ({@code LEGP}). A sheet per office: registered {@code APTO}, ballots
 * {@code TOTC}, valid {@code NOMI + LEGC}, null {@code NULO}, blank {@code BRAN}. Stateless.
 */
public final class BrBuElection {
    public static final String ROOT = "BR";
    static final String LEGENDA = "LEG-";
    /** TSE office codes (CD_CARGO). */
    static final Map<Integer, String> OFFICES = Map.of(
            1, "Presidente",
            3, "Governador",
            5, "Senador",
            6, "Deputado Federal",
            7, "Deputado Estadual",
            8, "Deputado Distrital",
            11, "Prefeito",
            13, "Vereador");

    private BrBuElection() {}

    /** The id of the election a boletim belongs to: {@code br-<PLEI>-<TURN>}. */
    public static String electionId(BoletimContent c) {
        return "br-" + c.field("PLEI") + "-" + c.field("TURN");
    }

    public static String contestId(int office) {
        return "cargo-" + office;
    }

    public static String stationId(BoletimContent c) {
        return zoneId(c) + "." + c.field("SECA");
    }

    static String zoneId(BoletimContent c) {
        return c.state() + "." + c.field("MUNI") + "." + c.field("ZONA");
    }

    /**
     * A new election and its catalogue from the boletins of the first one's election (the others are BU-PLEI when
     * their sheets are made); empty without any boletin.
     */
    public static Optional<Definition> definition(List<BoletimContent> contents) {
        if (contents.isEmpty()) return Optional.empty();
        BoletimContent first = contents.get(0);
        String id = electionId(first);
        List<BoletimContent> mine =
                contents.stream().filter(c -> electionId(c).equals(id)).toList();
        Map<Integer, TreeSet<String>> numbers = new TreeMap<>();
        for (BoletimContent c : mine)
            for (Office o : c.offices()) {
                var set = numbers.computeIfAbsent(o.office(), k -> new TreeSet<>(NUMBERS));
                set.addAll(o.candidates().keySet());
                for (Office.Party p : o.parties()) set.add(LEGENDA + p.number());
            }
        List<Contest> contests = new ArrayList<>();
        numbers.forEach((office, ids) -> {
            if (ids.isEmpty()) return;
            List<Candidate> cands = new ArrayList<>();
            List<Choice> choices = new ArrayList<>();
            for (String n : ids) {
                String name = n.startsWith(LEGENDA) ? "Legenda " + n.substring(LEGENDA.length()) : "Candidato " + n;
                cands.add(new Candidate(n, name));
                choices.add(new Choice(n, name, n));
            }
            contests.add(
                    new Contest(contestId(office), OFFICES.getOrDefault(office, "Cargo " + office), choices, cands));
        });
        Election e = new Election(
                id,
                "Brasil, pleito " + first.field("PLEI")
                        + first.fields().entrySet().stream()
                                .filter(f -> f.getKey().equals("DTPL"))
                                .map(f -> " de " + f.getValue())
                                .findFirst()
                                .orElse("")
                        + ", turno " + first.field("TURN"),
                ROOT,
                List.of("country", "state", "municipality", "zone"),
                contests,
                0);
        return Optional.of(catalogue(e, mine));
    }

    /** Numbers before legenda lines, shorter numbers first, then in order. */
    static final Comparator<String> NUMBERS = Comparator.<String, Boolean>comparing(s -> s.startsWith(LEGENDA))
            .thenComparing(String::length)
            .thenComparing(Comparator.naturalOrder());

    /**
     * The units and stations of the boletins of {@code e} (the others are left out, so a directory holding another
     * election gains nothing), as a definition of {@code e}.
     */
    public static Definition catalogue(Election e, List<BoletimContent> contents) {
        Map<String, Unit> units = new LinkedHashMap<>();
        Map<String, Station> stations = new LinkedHashMap<>();
        for (BoletimContent c : contents) {
            if (!electionId(c).equals(e.id())) continue;
            units.putIfAbsent(ROOT, new Unit(ROOT, "Brasil", 0, ""));
            String uf = c.state();
            String muni = uf + "." + c.field("MUNI");
            units.putIfAbsent(uf, new Unit(uf, uf, 1, ROOT));
            units.putIfAbsent(muni, new Unit(muni, "Município " + c.field("MUNI"), 2, uf));
            units.putIfAbsent(zoneId(c), new Unit(zoneId(c), "Zona " + c.field("ZONA"), 3, muni));
            stations.putIfAbsent(
                    stationId(c), new Station(stationId(c), "Seção " + c.field("SECA"), zoneId(c), c.count("APTO")));
        }
        return new Definition(e, new ArrayList<>(units.values()), new ArrayList<>(stations.values()), List.of());
    }

    /** One row per office of every verified boletin, as sheets of {@code sourceId} in {@code e}. */
    public static List<SheetRow> sheets(List<BoletimVerifier.Verification> verified, Election e, String sourceId) {
        List<SheetRow> out = new ArrayList<>();
        for (var v : verified) {
            BoletimContent c = v.content().orElseThrow();
            String where = v.boletim().where();
            if (!electionId(c).equals(e.id())) {
                out.add(new SheetRow(
                        where,
                        Optional.empty(),
                        List.of(Problem.mismatch(
                                BoletimRule.BU_PLEI, where, "a boletim of another election", e.id(), electionId(c)))));
                continue;
            }
            for (Office o : c.offices()) out.add(sheet(c, o, where + " CARG:" + o.office(), e, sourceId));
        }
        return out;
    }

    static SheetRow sheet(BoletimContent c, Office o, String where, Election e, String sourceId) {
        var contest = e.contest(contestId(o.office()));
        if (contest.isEmpty())
            return new SheetRow(
                    where,
                    Optional.empty(),
                    List.of(new Problem(
                            Rule.TS_CONTEST, where, "no contest " + contestId(o.office()) + " in election " + e.id())));
        Map<String, Integer> index = contest.get().choiceIndexMap();
        long[] votes = new long[index.size()];
        List<Problem> ps = new ArrayList<>(0);
        o.candidates().forEach((n, k) -> add(votes, index, n, k, where, ps));
        for (Office.Party p : o.parties()) add(votes, index, LEGENDA + p.number(), p.legp(), where, ps);
        if (!ps.isEmpty()) return new SheetRow(where, Optional.empty(), ps);
        var counts = new SummaryCounts(c.count("APTO"), o.totc(), o.valid(), o.nulo(), o.bran());
        return new SheetRow(
                where, Optional.of(new TallySheet(stationId(c), contestId(o.office()), sourceId, counts, votes)), ps);
    }

    private static void add(
            long[] votes, Map<String, Integer> index, String n, long k, String where, List<Problem> ps) {
        Integer i = index.get(n);
        if (i == null) ps.add(new Problem(Rule.TS_CHOICE, where, "number " + n + " is not a choice of the contest"));
        else votes[i] += k;
    }
}
