package org.veritally.server.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.model.Denominator;
import org.veritally.core.model.Station;
import org.veritally.core.model.Universe;
import org.veritally.formats.Definition;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.server.Fixtures;
import org.veritally.server.Instance;

/**
 * Coverage and the irreversibility bound against a declared universe (docs/coverage.md): a generated
 * election of 600 stations whose catalogue holds all of them, declared part of an election of 800
 * stations, against the same without a declaration.
 */
class CoverageUniverseTest {
    static final long SEED = 18;
    static final long EXTRA_REGISTERED = 150_000;

    @TempDir
    Path dir;

    static long registered(Definition d) {
        return d.stations().stream().mapToLong(Station::registeredVoters).sum();
    }

    static Definition declared(Definition d, long stations, long registered) {
        return new Definition(
                d.election().withUniverse(new Universe(stations, registered, List.of())),
                d.units(),
                d.stations(),
                d.sources());
    }

    @Test
    void ST_IRREV_boundCountsTheRegisteredVotersOfTheStationsMissingFromTheCatalogue() {
        var g = new SyntheticElection(600, 1, 4, 1, SEED);
        Definition plain = g.definition();
        long inCatalogue = registered(plain);
        Definition d = declared(plain, 800, inCatalogue + EXTRA_REGISTERED);
        try (Instance in = Fixtures.defined(dir.resolve("universe"), d)) {
            assertThat(Fixtures.submit(in, Fixtures.sheets(g, d)).rejected()).isEmpty();
            var root = in.results().result(Optional.empty(), Optional.empty(), "official");
            assertThat(root.stationsReporting()).isEqualTo(600);
            assertThat(root.stationsTotal()).as("the catalogue's, unchanged").isEqualTo(600);
            assertThat(root.denominator())
                    .isEqualTo(new Denominator(Denominator.Basis.UNIVERSE, 800, inCatalogue + EXTRA_REGISTERED));

            ViewIrreversibility v = new ReadIrreversibility(in).run(Optional.empty(), "official");
            assertThat(v.denominator()).isEqualTo("universe");
            assertThat(v.stationsTotal()).isEqualTo(800);
            assertThat(v.irreversibility().remainingRegistered()).isEqualTo(EXTRA_REGISTERED);
        }
        try (Instance in = Fixtures.defined(dir.resolve("catalogue"), plain)) {
            assertThat(Fixtures.submit(in, Fixtures.sheets(g, plain)).rejected())
                    .isEmpty();
            ViewIrreversibility v = new ReadIrreversibility(in).run(Optional.empty(), "official");
            assertThat(v.denominator()).isEqualTo("catalogue");
            assertThat(v.stationsTotal()).isEqualTo(600);
            assertThat(v.irreversibility().remainingRegistered())
                    .as("the catalogue is all there is: nothing left")
                    .isZero();
        }
    }

    @Test
    void CAT_UNIVERSE_aCatalogueLargerThanTheDeclaredUniverseIsRefused() {
        var g = new SyntheticElection(60, 1, 4, 1, SEED);
        Definition plain = g.definition();
        Definition tooSmall = declared(plain, 59, registered(plain));
        try (Instance in = Instance.open(dir.resolve("small"))) {
            var problems = in.define().define(tooSmall, "test", "def.json").problems();
            assertThat(problems).isNotEmpty();
            assertThat(problems).extracting(p -> p.rule().id()).containsOnly("CAT-UNIVERSE");
            assertThat(problems.get(0).location())
                    .contains("unit " + plain.election().rootUnitId());
        }
        Definition fewerVoters = declared(plain, 60, registered(plain) - 1);
        try (Instance in = Instance.open(dir.resolve("voters"))) {
            assertThat(in.define().define(fewerVoters, "test", "def.json").problems())
                    .extracting(p -> p.rule().id())
                    .containsOnly("CAT-UNIVERSE");
        }
        Definition exact = declared(plain, 60, registered(plain));
        try (Instance in = Instance.open(dir.resolve("exact"))) {
            assertThat(in.define().define(exact, "test", "def.json").problems()).isEmpty();
        }
    }
}
