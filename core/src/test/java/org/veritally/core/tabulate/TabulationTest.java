package org.veritally.core.tabulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.veritally.core.model.Candidate;
import org.veritally.core.model.Catalogue;
import org.veritally.core.model.Choice;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.Source;
import org.veritally.core.model.SourceKind;
import org.veritally.core.model.Station;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.Unit;

/** Live totals: up the hierarchy, corrections, staging and publishing, and a naive reference sum. */
class TabulationTest {
    static final long NA = SummaryCounts.ABSENT;
    // Candidate A has two ballot lines (a1, a2), B one (b).
    static final Contest P = new Contest(
            "P",
            "President",
            List.of(new Choice("a1", "A line 1", "A"), new Choice("a2", "A line 2", "A"), new Choice("b", "B", "B")),
            List.of(new Candidate("A", "Ann"), new Candidate("B", "Bob")));
    final Election election = new Election("e", "E", "R", List.of("country", "district"), List.of(P), 0);
    final Catalogue cat = new Catalogue();
    final Tabulation tab = new Tabulation(election, cat);
    int auth;
    int witness;
    int r;
    int d1;
    int d2;

    TabulationTest() {
        r = cat.addUnit(new Unit("R", "Root", 0, ""));
        d1 = cat.addUnit(new Unit("D1", "District 1", 1, "R"));
        d2 = cat.addUnit(new Unit("D2", "District 2", 1, "R"));
        cat.addStation(new Station("S1", "One", "D1", 100));
        cat.addStation(new Station("S2", "Two", "D1", 200));
        cat.addStation(new Station("S3", "Three", "D2", 300));
        auth = tab.addSource(new Source("auth", "Authority", SourceKind.AUTHORITY));
        witness = tab.addSource(new Source("w", "Witness", SourceKind.WITNESS));
    }

    static TallySheet sheet(
            String station, String source, long ballots, long valid, long nulls, long blank, long... votes) {
        return new TallySheet(station, "P", source, new SummaryCounts(NA, ballots, valid, nulls, blank), votes);
    }

    static void assertTally(
            Tally t, long stations, long registered, long ballots, long valid, long nulls, long blank, long... votes) {
        assertThat(t).isEqualTo(Tally.of(stations, registered, ballots, valid, nulls, blank, votes));
    }

    void publish(TallySheet s, Optional<TallySheet> replaced) {
        var b = tab.begin();
        b.add(s, replaced);
        b.publish();
    }

    @Test
    void aSheetAddsToItsUnitAndEveryAncestorAndAbsentCountsFallBack() {
        var b = tab.begin();
        b.add(sheet("S1", "auth", 60, 55, 3, 2, 20, 10, 25), Optional.empty());
        // ballots absent: counted as valid + null + blank = 90 + 5 + 0 = 95; blank absent counts 0
        b.add(sheet("S3", "auth", NA, 90, 5, NA, 40, 30, 20), Optional.empty());
        assertTally(tab.tally(0, auth, r), 0, 0, 0, 0, 0, 0, 0, 0, 0);
        b.publish();
        assertTally(tab.tally(0, auth, d1), 1, 100, 60, 55, 3, 2, 20, 10, 25);
        assertTally(tab.tally(0, auth, d2), 1, 300, 95, 90, 5, 0, 40, 30, 20);
        // root: 1 + 1 stations, 100 + 300 registered, 60 + 95 ballots, 55 + 90 valid, 3 + 5 null, 2 + 0 blank
        assertTally(tab.tally(0, auth, r), 2, 400, 155, 145, 8, 2, 60, 40, 45);
        assertTally(tab.tally(0, witness, r), 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(tab.sourceOf(new View.Official())).isEqualTo(auth);
        assertThat(tab.sourceOf(View.parse("source:w"))).isEqualTo(witness);
        assertThat(tab.sourceOf(new View.Consensus())).isEqualTo(Tabulation.CONSENSUS);
    }

    @Test
    void aCorrectionSubtractsTheCopyItReplaces() {
        var first = sheet("S1", "auth", 60, 55, 3, 2, 20, 10, 25);
        publish(first, Optional.empty());
        publish(sheet("S2", "auth", 100, 90, 10, 0, 30, 30, 30), Optional.empty());
        publish(sheet("S1", "auth", 60, 56, 2, 2, 21, 10, 25), Optional.of(first));
        // D1 = corrected S1 + S2: 2 stations, 300 registered, 160 ballots, 146 valid, 12 null, 2 blank, votes 51/40/55
        assertTally(tab.tally(0, auth, d1), 2, 300, 160, 146, 12, 2, 51, 40, 55);
        assertTally(tab.tally(0, auth, r), 2, 300, 160, 146, 12, 2, 51, 40, 55);
        assertTally(tab.tally(0, auth, d2), 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void aStagedBatchIsInvisibleUntilPublishedButChangedShowsTheNewValues() {
        publish(sheet("S1", "w", 60, 55, 3, 2, 20, 10, 25), Optional.empty());
        var b = tab.begin();
        b.add(sheet("S2", "w", 100, 90, 10, 0, 30, 30, 30), Optional.empty());
        Map<TallyKey, Tally> changed = b.changed();
        assertThat(changed).containsOnlyKeys(new TallyKey(0, witness, d1), new TallyKey(0, witness, r));
        assertThat(changed.get(new TallyKey(0, witness, r)))
                .isEqualTo(Tally.of(2, 300, 160, 145, 13, 2, new long[] {50, 40, 55}));
        assertTally(tab.tally(0, witness, r), 1, 100, 60, 55, 3, 2, 20, 10, 25);
        b.publish();
        assertThat(tab.tally(0, witness, r)).isEqualTo(changed.get(new TallyKey(0, witness, r)));
    }

    @Test
    void unvalidatedSheetsAndUnknownSourcesAreRefused() {
        var b = tab.begin();
        assertThatThrownBy(() -> b.add(sheet("S9", "auth", 1, 1, 0, 0, 1, 0, 0), Optional.empty()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.add(sheet("S1", "nobody", 1, 1, 0, 0, 1, 0, 0), Optional.empty()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(tab.addSource(new Source("w", "Witness", SourceKind.WITNESS)))
                .as("idempotent")
                .isEqualTo(witness);
        assertThat(tab.viewIndex("consensus")).isEqualTo(Tabulation.CONSENSUS);
        assertThat(tab.viewIndex(tab.viewId(witness))).isEqualTo(witness);
    }

    @Test
    void unitResultAddsBallotLinesPerCandidateAndSortsByVotes() {
        publish(sheet("S1", "auth", 60, 55, 3, 2, 20, 10, 25), Optional.empty());
        publish(sheet("S3", "auth", NA, 90, 5, NA, 40, 30, 20), Optional.empty());
        UnitResult res = UnitResult.of(
                "R",
                "Root",
                P,
                new View.Official(),
                cat.stationsBelow(r),
                cat.registeredBelow(r),
                tab.tally(0, auth, r));
        // A = a1 + a2 = 60 + 40 = 100; B = 45
        assertThat(res.candidates())
                .containsExactly(new CandidateTotal("A", "Ann", 100), new CandidateTotal("B", "Bob", 45));
        assertThat(res.choices()).extracting(ChoiceTotal::votes).containsExactly(60L, 40L, 45L);
        assertThat(res.choices()).extracting(ChoiceTotal::candidateId).containsExactly("A", "A", "B");
        assertThat(res.view()).isEqualTo("official");
        assertThat(res.stationsReporting()).isEqualTo(2);
        assertThat(res.stationsTotal()).isEqualTo(3);
        assertThat(res.registeredVoters()).isEqualTo(400);
        assertThat(res.registeredVotersTotal()).isEqualTo(600);
        assertThat(res.ballotsCast()).isEqualTo(155);

        // B ahead: 10 + 5 = 15 for A against 40; a tie keeps ballot order (A before B)
        UnitResult bAhead = UnitResult.of(
                "R", "Root", P, new View.Official(), 3, 600, Tally.of(1, 100, 60, 55, 0, 0, new long[] {10, 5, 40}));
        assertThat(bAhead.candidates()).extracting(CandidateTotal::id).containsExactly("B", "A");
        UnitResult tie = UnitResult.of(
                "R", "Root", P, new View.Official(), 3, 600, Tally.of(1, 100, 60, 60, 0, 0, new long[] {20, 10, 30}));
        assertThat(tie.candidates()).extracting(CandidateTotal::id).containsExactly("A", "B");
    }

    /**
     * Random sheets and corrections in random batches over a three-level hierarchy against a naive
     * reference: for every unit and source, the sum over the current sheets of the stations below it.
     */
    @Test
    void totalsEqualANaiveSumOverTheCurrentSheets() {
        long seed = 20_240_728L;
        System.out.println("totalsEqualANaiveSumOverTheCurrentSheets seed " + seed);
        Random rnd = new Random(seed);
        Catalogue c = new Catalogue();
        Map<String, String> parentOf = new HashMap<>();
        c.addUnit(new Unit("R", "Root", 0, ""));
        List<String> leaves = new ArrayList<>();
        for (int d = 0; d < 4; d++) {
            c.addUnit(new Unit("D" + d, "D" + d, 1, "R"));
            parentOf.put("D" + d, "R");
            for (int m = 0; m < 3; m++) {
                String id = "D" + d + "M" + m;
                c.addUnit(new Unit(id, id, 2, "D" + d));
                parentOf.put(id, "D" + d);
                leaves.add(id);
            }
        }
        Map<String, Station> stations = new HashMap<>();
        for (int s = 0; s < 40; s++) {
            var st = new Station("S" + s, "S" + s, leaves.get(rnd.nextInt(leaves.size())), 50 + rnd.nextInt(500));
            c.addStation(st);
            stations.put(st.id(), st);
        }
        Tabulation t = new Tabulation(election, c);
        List<String> sources = List.of("auth", "w");
        t.addSource(new Source("auth", "A", SourceKind.AUTHORITY));
        t.addSource(new Source("w", "W", SourceKind.WITNESS));
        Map<String, TallySheet> current = new HashMap<>(); // station/source -> sheet
        for (int batch = 0; batch < 30; batch++) {
            var b = t.begin();
            Map<String, TallySheet> inBatch = new HashMap<>();
            for (int i = 0, n = 1 + rnd.nextInt(8); i < n; i++) {
                String station = "S" + rnd.nextInt(40);
                String source = sources.get(rnd.nextInt(2));
                String key = station + "/" + source;
                if (inBatch.containsKey(key))
                    continue; // one sheet per station × source in a batch, as the sequencer stages them
                long[] v = {rnd.nextInt(100), rnd.nextInt(100), rnd.nextInt(100)};
                long valid = v[0] + v[1] + v[2];
                long nulls = rnd.nextInt(10);
                long blank = rnd.nextBoolean() ? NA : rnd.nextInt(5);
                long ballots = rnd.nextBoolean() ? NA : valid + nulls + (blank == NA ? 0 : blank);
                var s = new TallySheet(station, "P", source, new SummaryCounts(NA, ballots, valid, nulls, blank), v);
                b.add(s, Optional.ofNullable(current.get(key)));
                current.put(key, s);
                inBatch.put(key, s);
            }
            b.publish();
        }
        for (int u = 0; u < c.unitCount(); u++) {
            String unit = c.unit(u).id();
            for (int src = 0; src < 2; src++) {
                long[] want = new long[6];
                long[] votes = new long[3];
                for (TallySheet s : current.values()) {
                    if (!s.sourceId().equals(sources.get(src))
                            || !below(stations.get(s.stationId()).unitId(), unit, parentOf)) continue;
                    var k = s.counts();
                    want[0]++;
                    want[1] += stations.get(s.stationId()).registeredVoters();
                    want[2] += k.ballotsCast() != NA
                            ? k.ballotsCast()
                            : k.valid() + k.nulls() + (k.blank() == NA ? 0 : k.blank());
                    want[3] += k.valid();
                    want[4] += k.nulls();
                    want[5] += k.blank() == NA ? 0 : k.blank();
                    for (int i = 0; i < 3; i++) votes[i] += s.vote(i);
                }
                assertThat(t.tally(0, src, u))
                        .as("unit %s source %s (seed %d)", unit, sources.get(src), seed)
                        .isEqualTo(Tally.of(want[0], want[1], want[2], want[3], want[4], want[5], votes));
            }
        }
        assertThat(t.tally(0, 0, c.unitIndex("R")).stations())
                .as("some sheets were tabulated")
                .isPositive();
    }

    private static boolean below(String unit, String ancestor, Map<String, String> parentOf) {
        for (String u = unit; u != null; u = parentOf.get(u)) if (u.equals(ancestor)) return true;
        return false;
    }

    @Test
    void aTabulationOverABaseReadsItsTalliesAndAddsToCopiesNeverToTheBase() {
        Tabulation first = new Tabulation(election, cat);
        first.addSource(new Source("auth", "Authority", SourceKind.AUTHORITY));
        var b1 = first.begin();
        b1.add(sheet("S1", "auth", 90, 85, 3, 2, 40, 5, 40), Optional.empty());
        b1.add(sheet("S3", "auth", 200, 190, 6, 4, 100, 0, 90), Optional.empty());
        b1.publish();
        Map<TallyKey, Tally> frozen = first.snapshot();
        Tabulation.Base base = new Tabulation.Base() {
            @Override
            public Tally get(TallyKey key) {
                Tally t = frozen.get(key);
                return t == null ? null : t.copy();
            }

            @Override
            public void forEach(java.util.function.BiConsumer<TallyKey, Tally> each) {
                frozen.forEach((k, v) -> each.accept(k, v.copy()));
            }
        };
        Tabulation over = new Tabulation(election, cat);
        over.addSource(new Source("auth", "Authority", SourceKind.AUTHORITY));
        over.underlay(base);
        assertThat(over.snapshot()).isEqualTo(frozen);
        assertThat(over.tally(0, 0, d2)).isEqualTo(first.tally(0, 0, d2));
        var b2 = over.begin();
        b2.add(sheet("S2", "auth", 150, 140, 6, 4, 70, 10, 60), Optional.empty());
        assertThat(b2.changed().get(new TallyKey(0, 0, r)).stations()).isEqualTo(3);
        b2.publish();
        var b3 = first.begin();
        b3.add(sheet("S2", "auth", 150, 140, 6, 4, 70, 10, 60), Optional.empty());
        b3.publish();
        assertThat(over.snapshot())
                .as("base + changes = the same sheets added directly")
                .isEqualTo(first.snapshot());
        assertThat(base.get(new TallyKey(0, 0, r)).stations())
                .as("the base is not written")
                .isEqualTo(2);
        assertThatThrownBy(() -> over.underlay(base)).isInstanceOf(IllegalStateException.class);
    }
}
