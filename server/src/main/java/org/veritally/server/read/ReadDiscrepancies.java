package org.veritally.server.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.validation.ReadRule;
import org.veritally.server.state.ElectionState;
import org.veritally.store.Store;
import org.veritally.store.StoredSheet;

/**
 * Use case: where the sources' copies disagree. The summary (agreed, disputed, single per source,
 * missing; counted over station × contest) comes from the live counters in constant time; the
 * station list reads every disputed station's copies and names each field that differs between
 * two copies that both carry it. Filters: a unit (stations below it) and a source (stations where
 * that source's copy differs from another's). The copies come from a {@link CopiesInHand}: the live
 * projections, or the log entries of an earlier state (as of log size N). Thread-safe.
 */
public final class ReadDiscrepancies {
    private final ElectionState state;
    private final CopiesInHand copies;

    public ReadDiscrepancies(ElectionState state, Store store) {
        this(state, new StoreCopies(store));
    }

    /** The discrepancies of {@code state}, whose copies {@code copies} reads. */
    public ReadDiscrepancies(ElectionState state, CopiesInHand copies) {
        this.state = state;
        this.copies = copies;
    }

    /** The whole answer of {@code discrepancies --json} and {@code GET /api/discrepancies}. */
    public record Report(Map<String, Object> summary, List<Station> stations) {}

    /** One disputed station × contest: every source's copy and the fields that differ. */
    public record Station(
            String station, String contest, String unit, List<Map<String, Object>> copies, List<String> differing) {}

    public Map<String, Object> summary() {
        Election e = state.election()
                .orElseThrow(() -> new UsageProblem(ReadRule.RD_ELECTION, "no election is defined yet"));
        var s = state.reconciliation()
                .summary((long) state.catalogue().stationCount() * e.contests().size());
        var single = new LinkedHashMap<String, Object>();
        var sources = state.tabulation().sources();
        for (int i = 0; i < sources.size(); i++)
            single.put(sources.get(i).id(), i < s.singleBySource().length ? s.singleBySource()[i] : 0L);
        var m = new LinkedHashMap<String, Object>();
        m.put("agreed", s.agreed());
        m.put("disputed", s.disputed());
        m.put("single", single);
        m.put("missing", s.missing());
        m.put(
                "counting",
                "station × contest pairs: " + state.catalogue().stationCount() + " stations × "
                        + e.contests().size() + " contest(s)");
        m.put("consensusPolicy", e.consensus().describe());
        return m;
    }

    public Report report(Optional<String> unit, Optional<String> source, int limit) {
        Election e = state.election()
                .orElseThrow(() -> new UsageProblem(ReadRule.RD_ELECTION, "no election is defined yet"));
        var cat = state.catalogue();
        int unitIdx = unit.map(u -> {
                    int i = cat.unitIndex(u);
                    if (i < 0) throw new UsageProblem(ReadRule.RD_UNIT, "unknown unit '" + u + "'");
                    return i;
                })
                .orElse(-1);
        source.ifPresent(s -> {
            if (state.tabulation().sourceIndex(s) < 0)
                throw new UsageProblem(ReadRule.RD_VIEW, "unknown source '" + s + "'");
        });
        List<String[]> disputed = new ArrayList<>();
        this.copies.disputed(disputed::add);
        List<Station> out = new ArrayList<>();
        for (String[] d : disputed) {
            if (out.size() >= limit) break;
            int st = cat.stationIndex(d[0]);
            if (unitIdx >= 0 && !below(cat.ancestry(cat.unitOfStation(st)), unitIdx)) continue;
            Contest c = e.contest(d[1]).orElseThrow();
            List<StoredSheet> copies = new ArrayList<>();
            for (StoredSheet s : this.copies.ofStation(d[0])) if (s.contest().equals(d[1])) copies.add(s);
            List<String> differing = differing(copies, c, source);
            if (source.isPresent() && differing.isEmpty()) continue;
            if (source.isEmpty()) differing = differing(copies, c, Optional.empty());
            List<Map<String, Object>> cs = new ArrayList<>();
            for (StoredSheet s : copies) cs.add(copy(s, c));
            out.add(new Station(d[0], d[1], cat.unit(cat.unitOfStation(st)).id(), cs, differing));
        }
        return new Report(summary(), out);
    }

    private static boolean below(int[] ancestry, int unit) {
        for (int a : ancestry) if (a == unit) return true;
        return false;
    }

    static Map<String, Object> copy(StoredSheet s, Contest c) {
        var m = new LinkedHashMap<String, Object>();
        m.put("source", s.source());
        m.put("logIndex", s.entryIdx());
        var k = s.counts();
        if (k.registered() != SummaryCounts.ABSENT) m.put("registered", k.registered());
        if (k.ballotsCast() != SummaryCounts.ABSENT) m.put("ballots", k.ballotsCast());
        m.put("valid", k.valid());
        m.put("null", k.nulls());
        if (k.blank() != SummaryCounts.ABSENT) m.put("blank", k.blank());
        var votes = new LinkedHashMap<String, Long>();
        long[] v = s.votes();
        for (int i = 0; i < c.choices().size(); i++)
            votes.put(c.choices().get(i).id(), v[i]);
        m.put("votes", votes);
        return m;
    }

    /**
     * Fields on which two copies that both carry them differ; with {@code source}, only pairs involving that source.
     */
    static List<String> differing(List<StoredSheet> copies, Contest c, Optional<String> source) {
        List<String> out = new ArrayList<>();
        String[] names = {"registered", "ballots", "valid", "null", "blank"};
        for (int f = 0; f < names.length + c.choices().size(); f++) {
            String name = f < names.length
                    ? names[f]
                    : "votes." + c.choices().get(f - names.length).id();
            boolean differs = false;
            for (int i = 0; i < copies.size() && !differs; i++) {
                for (int j = i + 1; j < copies.size() && !differs; j++) {
                    if (source.isPresent()
                            && !copies.get(i).source().equals(source.get())
                            && !copies.get(j).source().equals(source.get())) continue;
                    long a = value(copies.get(i), f, names.length);
                    long b = value(copies.get(j), f, names.length);
                    differs = a != SummaryCounts.ABSENT && b != SummaryCounts.ABSENT && a != b;
                }
            }
            if (differs) out.add(name);
        }
        return out;
    }

    private static long value(StoredSheet s, int field, int summaryFields) {
        var k = s.counts();
        return switch (field) {
            case 0 -> k.registered();
            case 1 -> k.ballotsCast();
            case 2 -> k.valid();
            case 3 -> k.nulls();
            case 4 -> k.blank();
            default -> s.votes()[field - summaryFields];
        };
    }
}
