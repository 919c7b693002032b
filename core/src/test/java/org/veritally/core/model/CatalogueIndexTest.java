package org.veritally.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.veritally.testkit.Seeds;

/**
 * The catalogue's primitive station index ({@link IdIndex}) and per-unit station arrays answer as a {@code
 * HashMap} and boxed lists (the reference, kept here) do, for seeded random catalogues, before and after a
 * {@link Catalogue#copy} that then grows apart; a station is kept with its unit's own id string.
 */
class CatalogueIndexTest {
    @Test
    void stationLookupsAndStationsOfEachUnitAgreeWithAHashMapReference() {
        long seed = Seeds.seed("catalogue index", 15L);
        Random rnd = new Random(seed);
        Catalogue c = new Catalogue();
        Map<String, Integer> index = new HashMap<>();
        Map<Integer, List<Integer>> byUnit = new HashMap<>();
        c.addUnit(new Unit("R", "Root", 0, ""));
        for (int u = 1; u < 40; u++) c.addUnit(new Unit("U" + u, "Unit " + u, 1, "R"));
        Catalogue copy = null;
        for (int i = 0; i < 5_000; i++) {
            if (i == 2_500) copy = c.copy();
            int u = 1 + rnd.nextInt(39);
            String id = Long.toString(rnd.nextLong() & 0xFFFFFFFFFFL, 36) + "." + i;
            assertThat(c.addStation(new Station(id, "S " + i, new String("U" + u), 1 + rnd.nextInt(500))))
                    .isEqualTo(i);
            index.put(id, i);
            byUnit.computeIfAbsent(u, k -> new ArrayList<>()).add(i);
        }
        for (var e : index.entrySet()) {
            assertThat(c.stationIndex(e.getKey())).isEqualTo(e.getValue());
            assertThat(c.hasStation(e.getKey())).isTrue();
            assertThat(c.station(e.getKey()).orElseThrow().id()).isEqualTo(e.getKey());
            assertThat(copy.stationIndex(e.getKey())).isEqualTo(e.getValue() < 2_500 ? e.getValue() : -1);
        }
        assertThat(c.stationIndex("absent")).isEqualTo(-1);
        assertThat(c.station("absent")).isEmpty();
        for (int u = 1; u < 40; u++) {
            assertThat(c.stationsOf(u)).isEqualTo(byUnit.getOrDefault(u, List.of()));
            assertThat(c.station(c.stationsOf(u).get(0)).unitId())
                    .isSameAs(c.unit(u).id());
        }
        copy.addStation(new Station("late", "Late", "U1", 5));
        assertThat(copy.stationIndex("late")).isEqualTo(2_500);
        assertThat(c.stationIndex("late"))
                .as("the original does not see the copy's station")
                .isEqualTo(-1);
        assertThat(copy.stationsOf(1)).endsWith(2_500);
        assertThatThrownBy(() -> c.addStation(new Station(c.station(7).id(), "again", "U2", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate station");
    }

    /**
     * Ids of equal {@code hashCode} ("Aa" and "BB" hash alike, so do all strings of the same number of such pairs)
     * land in one run of slots with equal hashes: each is told apart by its id, an absent one is absent, and a
     * lookup answers the same whether the id is the string found last or an equal copy of it.
     */
    @Test
    void idsWithTheSameHashAreToldApartByTheirIds() {
        Catalogue c = new Catalogue();
        c.addUnit(new Unit("R", "Root", 0, ""));
        List<String> ids = new ArrayList<>();
        for (int bits = 0; bits < 64; bits++) {
            StringBuilder id = new StringBuilder();
            for (int k = 0; k < 6; k++) id.append((bits >> k & 1) == 0 ? "Aa" : "BB");
            ids.add(id.toString());
        }
        assertThat(ids.stream().mapToInt(String::hashCode).distinct().count()).isEqualTo(1);
        for (int i = 0; i < 40; i++) c.addStation(new Station(ids.get(i), "S", "R", 1));
        for (int i = 0; i < 64; i++) {
            String id = ids.get(i);
            assertThat(c.stationIndex(id)).as(id).isEqualTo(i < 40 ? i : -1);
            assertThat(c.stationIndex(id)).as(id + " again").isEqualTo(i < 40 ? i : -1);
            assertThat(c.stationIndex(new String(id)))
                    .as(id + " (an equal copy)")
                    .isEqualTo(i < 40 ? i : -1);
            assertThat(c.hasStation(id)).isEqualTo(i < 40);
        }
        c.addStation(new Station(ids.get(50), "S", "R", 1));
        assertThat(c.stationIndex(ids.get(50))).as("found once added").isEqualTo(40);
    }

    /**
     * Ids of one and the same {@code String.hashCode} ("Aa" and "BB" agree) all land on one probe chain: each is
     * found at its own index, an absent one of that hash is not, and a duplicate is refused, whether the table
     * was reserved ahead or doubled on the way.
     */
    @Test
    void idsOfTheSameHashAreToldApartWithOrWithoutAReservation() {
        for (boolean reserved : new boolean[] {true, false}) {
            Catalogue c = new Catalogue();
            c.addUnit(new Unit("R", "Root", 0, ""));
            if (reserved) c.reserve(1, 1 << 9);
            List<String> ids = new ArrayList<>();
            for (int n = 0; n < 1 << 9; n++) {
                StringBuilder b = new StringBuilder();
                for (int bit = 0; bit < 10; bit++) b.append((n >> bit & 1) == 0 ? "Aa" : "BB");
                ids.add(b.toString());
            }
            assertThat(ids.get(1).hashCode()).isEqualTo(ids.get(0).hashCode());
            for (int i = 0; i < ids.size(); i++)
                assertThat(c.addStation(new Station(ids.get(i), "S", "R", 1))).isEqualTo(i);
            for (int i = 0; i < ids.size(); i++)
                assertThat(c.stationIndex(new String(ids.get(i)))).isEqualTo(i);
            String absent = "BB".repeat(10);
            assertThat(absent.hashCode()).isEqualTo(ids.get(0).hashCode());
            assertThat(c.stationIndex(absent)).isEqualTo(-1);
            assertThatThrownBy(() -> c.addStation(new Station(ids.get(300), "again", "R", 1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("duplicate station");
            assertThat(c.stationCount())
                    .as("a refused duplicate leaves nothing behind")
                    .isEqualTo(ids.size());
            assertThat(c.addStation(new Station(absent, "S", "R", 1))).isEqualTo(ids.size());
            assertThat(c.stationIndex(absent)).isEqualTo(ids.size());
        }
    }

    /**
     * {@link Catalogue#addStations} gives what {@link Catalogue#addStation} one by one gives (the reference): the
     * indices, each unit's stations and the counts and registered voters below every unit of a three-level tree,
     * for stations in unit runs and in random order, added in two batches; a duplicate in a batch is refused.
     */
    @Test
    void addingStationsInBulkEqualsAddingThemOneByOne() {
        long seed = Seeds.seed("catalogue bulk", 15L);
        Random rnd = new Random(seed);
        List<Unit> units = new ArrayList<>();
        units.add(new Unit("R", "Root", 0, ""));
        for (int r = 0; r < 6; r++) units.add(new Unit("P" + r, "P", 1, "R"));
        for (int d = 0; d < 40; d++) units.add(new Unit("D" + d, "D", 2, "P" + rnd.nextInt(6)));
        List<Station> stations = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String unit = i < 2_000
                    ? "D" + (i / 50)
                    : units.get(rnd.nextInt(units.size())).id();
            stations.add(new Station("s" + i, "S", new String(unit), rnd.nextInt(900)));
        }
        Catalogue one = new Catalogue();
        Catalogue bulk = new Catalogue();
        units.forEach(one::addUnit);
        units.forEach(bulk::addUnit);
        stations.forEach(one::addStation);
        bulk.addStations(stations.subList(0, 1_234));
        bulk.addStations(stations.subList(1_234, stations.size()));
        assertThat(bulk.stationCount()).isEqualTo(one.stationCount());
        for (int i = 0; i < stations.size(); i++) {
            assertThat(bulk.station(i)).isEqualTo(one.station(i));
            assertThat(bulk.stationIndex(stations.get(i).id())).isEqualTo(i);
            assertThat(bulk.unitOfStation(i)).isEqualTo(one.unitOfStation(i));
            assertThat(bulk.station(i).unitId())
                    .isSameAs(bulk.unit(bulk.unitOfStation(i)).id());
        }
        for (int u = 0; u < units.size(); u++) {
            assertThat(bulk.stationsOf(u)).isEqualTo(one.stationsOf(u));
            assertThat(bulk.stationsBelow(u)).isEqualTo(one.stationsBelow(u));
            assertThat(bulk.registeredBelow(u)).isEqualTo(one.registeredBelow(u));
        }
        assertThatThrownBy(() -> bulk.addStations(List.of(new Station("new", "S", "D1", 1), stations.get(5))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate station s5");
        assertThatThrownBy(() -> bulk.addStations(List.of(new Station("new2", "S", "nowhere", 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown unit");
    }
}
