package org.veritally.web.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.formats.csv.SheetRow;
import org.veritally.server.Instance;
import org.veritally.server.asof.AsOf;
import org.veritally.server.http.Json;
import org.veritally.server.intake.DuplicateRows;
import org.veritally.testkit.Seeds;
import org.veritally.web.SampleElection;
import org.veritally.web.model.AnnouncementsPage;
import org.veritally.web.model.DiscrepanciesPage;
import org.veritally.web.model.LogStatus;

/**
 * The disputed stations, the announcements and the statistics pages as of log size N show what an instance
 * whose log is only the first N entries shows live ({@link PrefixInstance}, the reference implementation),
 * for N = the size before the held-back sheet and for seeded random N. The log status (which checkpoint
 * signs the size) is left out of the comparison: the reference signed none.
 */
class AsOfPagesQueryTest {
    @TempDir
    static Path dir;

    static Instance in;
    static SampleElection sample;

    @BeforeAll
    static void load() {
        in = Instance.open(dir.resolve("live"));
        sample = SampleElection.load(in);
        var o = in.sequencer()
                .submit(
                        List.of(new SheetRow("held back", Optional.of(sample.heldBack), List.of())),
                        "test",
                        new DuplicateRows(),
                        true);
        assertThat(o.rejected()).isEmpty();
    }

    @AfterAll
    static void close() {
        if (in != null) in.close();
    }

    static DiscrepanciesPage withoutLog(DiscrepanciesPage p) {
        return new DiscrepanciesPage(
                p.election(),
                p.summary(),
                p.sources(),
                p.source(),
                p.trail(),
                p.places(),
                p.placeLevel(),
                p.stations(),
                p.truncated(),
                new LogStatus(0, Optional.empty()));
    }

    static AnnouncementsPage withoutLog(AnnouncementsPage p) {
        return new AnnouncementsPage(p.election(), p.announcements(), new LogStatus(0, Optional.empty()));
    }

    /** Every page model of the three views, as JSON: the whole-country and filtered disputes, both contests. */
    static List<String> pages(Instance of, Optional<AsOf> a) {
        List<String> out = new ArrayList<>();
        var d = new DiscrepanciesQuery(of);
        for (var unit : List.of(Optional.<String>empty(), Optional.of("R0")))
            for (var source : List.of(Optional.<String>empty(), Optional.of("party-a"))) {
                var p = a.isPresent() ? d.read(a.get(), unit, source) : d.read(unit, source);
                out.add(Json.pretty(withoutLog(p)));
            }
        var an = new AnnouncementsQuery(of);
        out.add(Json.pretty(withoutLog(a.isPresent() ? an.read(a.get()) : an.read())));
        var st = new StatisticsQuery(of);
        for (String contest : List.of("C1", "C2"))
            for (String view : List.of("consensus", "official", "source:party-a")) {
                var c = Optional.of(contest);
                var v = Optional.of(view);
                var seed = Optional.of("3 1 4 1 5");
                var size = Optional.of("40");
                out.add(Json.pretty(a.isPresent() ? st.read(a.get(), c, v, seed, size) : st.read(c, v, seed, size)));
            }
        return out;
    }

    @Test
    void discrepanciesAnnouncementsAndStatisticsAsOfNEqualTheLivePagesOfTheFirstNEntriesRebuilt() {
        long seed = Seeds.seed("as-of pages", 1818L);
        long size = in.store().logSize();
        long firstSheet = firstSheetIndex();
        Random rnd = new Random(seed);
        List<Long> sizes = List.of(size - 1, firstSheet + 1 + rnd.nextInt((int) (size - firstSheet - 2)));
        for (long n : sizes) {
            try (Instance reference = PrefixInstance.of(in, n, dir.resolve("prefix-" + n))) {
                assertThat(reference.store().logSize()).isEqualTo(n);
                List<String> asOf = pages(in, Optional.of(in.asOf().at(n)));
                assertThat(asOf).as("as of %d", n).isEqualTo(pages(reference, Optional.empty()));
                assertThat(asOf).as("the live pages moved since %d", n).isNotEqualTo(pages(in, Optional.empty()));
            }
        }
    }

    @Test
    void theDisputedStationsAsOfBeforeTheirSecondCopyWereNotYetDisputed() {
        long size = in.store().logSize();
        var live = new DiscrepanciesQuery(in).read(Optional.empty(), Optional.empty());
        assertThat(live.stations()).extracting(s -> s.stationId()).contains(SampleElection.DISPUTED);
        var early = new DiscrepanciesQuery(in)
                .read(in.asOf().at(firstSheetIndex() + 1), Optional.empty(), Optional.empty());
        assertThat(early.stations()).isEmpty();
        assertThat(early.summary().disputed()).isZero();
        assertThat(size).isGreaterThan(firstSheetIndex());
    }

    private static long firstSheetIndex() {
        for (var r : in.store().readLog(0, 10_000)) if (r.kind().equals("sheet")) return r.idx();
        throw new AssertionError("no sheet");
    }
}
