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

    @Test
    void idsWithTheSameHashCodeShareSlotAndTagAndAreStillToldApart() {
        // "Aa" and "BB" have the same String.hashCode, so these 16 ids collide in the slot and in its byte of hash
        List<String> ids = new ArrayList<>();
        for (String a : List.of("Aa", "BB"))
            for (String b : List.of("Aa", "BB"))
                for (String c : List.of("Aa", "BB")) for (String d : List.of("Aa", "BB")) ids.add(a + b + c + d);
        assertThat(ids.stream().map(String::hashCode).distinct()).hasSize(1);
        Catalogue c = new Catalogue();
        c.addUnit(new Unit("R", "Root", 0, ""));
        for (int i = 0; i < ids.size(); i += 2) c.addStation(new Station(ids.get(i), "S", "R", 1));
        for (int i = 0; i < ids.size(); i++)
            assertThat(c.stationIndex(new String(ids.get(i)))).as(ids.get(i)).isEqualTo(i % 2 == 0 ? i / 2 : -1);
    }
}
