package org.veritally.formats.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Station;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.Unit;
import org.veritally.core.reconcile.StationStatus;
import org.veritally.core.tabulate.View;
import org.veritally.formats.Definition;

/**
 * A naive in-memory {@link ExportData} for tests: a definition and its sheets (log index = position
 * + 100), with the reconciliation and the unit totals recomputed the obvious way (status from the
 * copies' equality, consensus = lowest-index agreeing copy when at least the policy's sources agree,
 * totals summed up the ancestry). It is the reference the streaming exporters are checked against.
 */
public final class MemoryExportData implements ExportData {
    private final Definition d;
    private final ElectionSnapshot snapshot;
    private final List<StationSheet> sheets = new ArrayList<>();
    private final Map<String, Station> stations = new HashMap<>();
    private final Map<String, Unit> units = new HashMap<>();

    public MemoryExportData(Definition d, List<TallySheet> input) {
        this.d = d;
        this.snapshot = new ElectionSnapshot(
                d.election(), d.units(), d.sources(), input.size() + 100L, Optional.of("2024-07-28"));
        d.stations().forEach(s -> stations.put(s.id(), s));
        d.units().forEach(u -> units.put(u.id(), u));
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < input.size(); i++)
            byKey.computeIfAbsent(
                            input.get(i).stationId() + "\u0000" + input.get(i).contestId(), k -> new ArrayList<>())
                    .add(i);
        for (var idxs : byKey.values()) {
            TallySheet first = input.get(idxs.get(0));
            boolean agree = idxs.stream()
                    .allMatch(i -> Arrays.equals(input.get(i).votes(), first.votes())
                            && input.get(i).counts().equals(first.counts()));
            StationStatus status =
                    idxs.size() == 1 ? StationStatus.SINGLE : agree ? StationStatus.AGREED : StationStatus.DISPUTED;
            boolean counts = agree && idxs.size() >= d.election().consensus().minSources();
            for (int i : idxs) {
                TallySheet t = input.get(i);
                sheets.add(new StationSheet(
                        stations.get(t.stationId()),
                        t.contestId(),
                        t.sourceId(),
                        100 + i,
                        t.counts(),
                        t.votes(),
                        status,
                        counts && i == idxs.get(0)));
            }
        }
        sheets.sort(Comparator.comparing((StationSheet s) -> s.station().id())
                .thenComparing(StationSheet::contestId)
                .thenComparing(StationSheet::sourceId));
    }

    @Override
    public ElectionSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public void sheets(Consumer<StationSheet> out) {
        sheets.forEach(out);
    }

    @Override
    public void viewSheets(View view, Consumer<StationSheet> out) {
        for (StationSheet s : sheets) {
            if (view instanceof View.OfSource v ? s.sourceId().equals(v.sourceId()) : s.counted()) out.accept(s);
        }
    }

    @Override
    public void consensus(Consumer<ConsensusRow> out) {
        List<Station> sorted = new ArrayList<>(d.stations());
        sorted.sort(Comparator.comparing(Station::id));
        List<String> contests =
                d.election().contests().stream().map(Contest::id).sorted().toList();
        for (Station st : sorted) {
            for (String c : contests) {
                List<StationSheet> copies = sheets.stream()
                        .filter(s -> s.station().id().equals(st.id())
                                && s.contestId().equals(c))
                        .toList();
                StationStatus status =
                        copies.isEmpty() ? StationStatus.MISSING : copies.get(0).status();
                out.accept(new ConsensusRow(
                        st,
                        c,
                        status,
                        copies.stream().filter(StationSheet::counted).findFirst()));
            }
        }
    }

    @Override
    public void unitTotals(View view, Consumer<UnitTotal> out) {
        Map<String, long[]> sums = new HashMap<>();
        Map<String, long[]> votes = new HashMap<>();
        viewSheets(view, s -> {
            for (Unit u = units.get(s.station().unitId()); u != null; u = u.isRoot() ? null : units.get(u.parentId())) {
                String key = u.id() + "\u0000" + s.contestId();
                long[] t = sums.computeIfAbsent(key, k -> new long[5]);
                var k = s.counts();
                t[0]++;
                t[1] += k.ballotsOrSum();
                t[2] += k.valid();
                t[3] += k.nulls();
                t[4] += Math.max(0, k.blank());
                long[] v = votes.computeIfAbsent(key, x -> new long[s.choiceCount()]);
                for (int i = 0; i < v.length; i++) v[i] += s.vote(i);
            }
        });
        sums.keySet().stream().sorted().forEach(key -> {
            String[] p = key.split("\u0000");
            long[] t = sums.get(key);
            out.accept(new UnitTotal(p[0], p[1], t[0], t[1], t[2], t[3], t[4], votes.get(key)));
        });
    }

    @Override
    public void stationsByUnit(Consumer<Station> out) {
        d.stations().stream()
                .sorted(Comparator.comparing(Station::unitId).thenComparing(Station::id))
                .forEach(out);
    }
}
