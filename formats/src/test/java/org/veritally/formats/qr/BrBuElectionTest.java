package org.veritally.formats.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.veritally.core.model.TallySheet;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.SheetValidator;
import org.veritally.formats.Definition;
import org.veritally.formats.csv.SheetRow;
import org.veritally.testkit.Seeds;

/** The election, catalogue and sheets that verified boletins define, and BU-PLEI for a boletim of another. */
class BrBuElectionTest {
    static BrBuQr.Reading read2016() {
        BuSamples.assumePresent();
        List<Problem> ps = new ArrayList<>();
        var payloads = BoletimPayloads.read(BuSamples.dir().resolve("br-bu-2016/payloads.csv"), ps);
        assertThat(ps).isEmpty();
        assertThat(payloads).hasSize(119);
        assertThat(payloads.get(0).where()).isEqualTo("payloads.csv:2");
        return BrBuQr.read(payloads, BuSamples.keys());
    }

    @Test
    void the119PayloadsDefineOneMayoralContestAndOneSheetPerSection() {
        var r = read2016();
        assertThat(r.problems()).isEmpty();
        Definition d = BrBuElection.definition(r.contents()).orElseThrow();
        assertThat(d.election().id()).isEqualTo("br-188-2");
        assertThat(d.election().contests()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("cargo-11");
            assertThat(c.name()).isEqualTo("Prefeito");
        });
        assertThat(d.stations()).hasSize(119);
        assertThat(d.units()).first().satisfies(u -> assertThat(u.id()).isEqualTo("BR"));
        var rows = BrBuElection.sheets(r.verified(), d.election(), "tse-qr");
        assertThat(rows)
                .hasSize(119)
                .allSatisfy(row -> assertThat(row.problems()).isEmpty());
        TallySheet s = rows.get(0).sheet().orElseThrow();
        assertThat(s.stationId()).isEqualTo("PE.24570.101.1");
        assertThat(s.counts().registered()).isEqualTo(394);
        assertThat(s.counts().ballotsCast()).isEqualTo(295);
        assertThat(s.counts().valid()).isEqualTo(242);
        assertThat(s.counts().blank()).isEqualTo(17);
        assertThat(s.counts().nulls()).isEqualTo(36);
    }

    @Test
    void aSignedTwoPartBoletimMakesOneSheetPerOfficeWithLegendaLines() {
        BuSamples.assumePresent();
        var lines = BuSamples.lines("br-bu-2018-2parts.txt");
        var kp = Forge.keyPair(Seeds.seed("boletim test key", 18));
        var payloads =
                Forge.payloads(List.of(Forge.content(lines.get(0)), Forge.content(lines.get(1))), Optional.of(kp));
        var r = BrBuQr.read(
                List.of(
                        new BoletimPayloads.Located(payloads.get(1), "b:2"),
                        new BoletimPayloads.Located(payloads.get(0), "b:1")),
                BoletimKeys.of(Map.of("AC", Forge.raw(kp))));
        assertThat(r.problems()).isEmpty();
        Definition d = BrBuElection.definition(r.contents()).orElseThrow();
        assertThat(d.election().contests())
                .extracting(c -> c.id())
                .containsExactly("cargo-1", "cargo-3", "cargo-5", "cargo-6", "cargo-7");
        var deputies = d.election().contest("cargo-7").orElseThrow();
        assertThat(deputies.choices()).hasSize(12 + 4);
        assertThat(deputies.choices().get(12).id()).isEqualTo("LEG-91");
        List<SheetRow> rows = BrBuElection.sheets(r.verified(), d.election(), "tse-qr");
        assertThat(rows).hasSize(5);
        for (SheetRow row : rows) {
            TallySheet s = row.sheet().orElseThrow();
            assertThat(s.sumOfVotes()).as(s.contestId()).isEqualTo(s.counts().valid());
        }
        TallySheet dep = rows.stream()
                .map(x -> x.sheet().orElseThrow())
                .filter(s -> s.contestId().equals("cargo-7"))
                .findFirst()
                .orElseThrow();
        assertThat(dep.counts().valid()).isEqualTo(25);
        assertThat(dep.vote(deputies.choiceIndex("LEG-94"))).isEqualTo(4);
    }

    @Test
    void buPleiForABoletimOfAnotherElection() {
        var r = read2016();
        Definition d = BrBuElection.definition(r.contents()).orElseThrow();
        var other = new org.veritally.core.model.Election(
                "br-187-1", "x", "BR", List.of("country"), d.election().contests(), 0);
        var rows = BrBuElection.sheets(r.verified().subList(0, 1), other, "tse-qr");
        assertThat(rows)
                .singleElement()
                .satisfies(row -> assertThat(row.problems())
                        .extracting(p -> p.rule().id())
                        .containsExactly("BU-PLEI"));
    }

    @Test
    void theSheetsPassTheCoreSheetRules() {
        var r = read2016();
        Definition d = BrBuElection.definition(r.contents()).orElseThrow();
        var cat = new org.veritally.core.model.Catalogue();
        d.units().forEach(cat::addUnit);
        d.stations().forEach(cat::addStation);
        for (SheetRow row : BrBuElection.sheets(r.verified(), d.election(), "tse-qr")) {
            var errors = SheetValidator.validate(row.sheet().orElseThrow(), d.election(), cat).stream()
                    .filter(Problem::isError)
                    .toList();
            assertThat(errors).as(row.location()).isEmpty();
        }
    }
}
