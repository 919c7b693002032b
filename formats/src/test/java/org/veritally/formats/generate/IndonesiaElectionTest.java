package org.veritally.formats.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.model.Unit;
import org.veritally.formats.generate.IdVillages.Village;

/**
 * The Indonesian generator on the real geography of ../shared/data/id-2024/villages.csv (system property
 * {@code veritally.shared}; skipped with a message where it is absent): the KPU's counts of units and TPS,
 * the same bytes for the same seed, sheets that add up, Aceh's local parties only in Aceh, and a few
 * disagreements between the sources.
 */
class IndonesiaElectionTest {
    static List<Village> villages;

    static Path file() {
        return Path.of(System.getProperty("veritally.shared", "../../shared"), "data", "id-2024", "villages.csv");
    }

    @BeforeAll
    static void read() {
        if (Files.isRegularFile(file())) {
            villages = IdVillages.read(file());
        } else {
            System.out.println("SKIPPED: Indonesian geography not found at " + file().toAbsolutePath());
        }
    }

    static void needFile() {
        assumeTrue(villages != null, "SKIPPED: Indonesian geography absent at " + file().toAbsolutePath());
    }

    @Test
    void theRealGeographyHasTheKpusCountsOfUnitsAndTps() {
        needFile();
        IndonesiaElection gen = new IndonesiaElection(villages, 5, 2, 7);
        Map<Integer, Integer> byLevel = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (Unit u : gen.units()) {
            byLevel.merge(u.level(), 1, Integer::sum);
            assertThat(ids.add(u.id())).as("unit %s", u.id()).isTrue();
        }
        assertThat(byLevel).containsExactlyInAnyOrderEntriesOf(Map.of(0, 1, 1, 38, 2, 514, 3, 7_277, 4, 83_731));
        assertThat(gen.stationCount()).isEqualTo(820_161);
        Set<String> tps = new HashSet<>(1_700_000);
        long[] registered = {0, 0};
        gen.stations((v, st) -> {
            tps.add(st.id());
            registered[0] += st.registeredVoters();
            registered[1]++;
        });
        assertThat(tps).hasSize(820_161);
        assertThat(registered[0] / (double) registered[1]).isBetween(240.0, 260.0);
        assertThat(gen.election().contests())
                .extracting(c -> c.choices().size())
                .containsExactly(3, 18, 20, 24, 24);
    }

    @Test
    void twoRunsWithTheSameSeedWriteTheSameBytesAndAnotherSeedOthers() throws Exception {
        needFile();
        List<Village> some = villages.subList(0, 3_000);
        assertThat(digest(new IndonesiaElection(some, 5, 2, 7)))
                .isEqualTo(digest(new IndonesiaElection(some, 5, 2, 7)))
                .isNotEqualTo(digest(new IndonesiaElection(some, 5, 2, 8)));
    }

    @Test
    void sheetsAddUpAcehsLocalPartiesStandOnlyInAcehAndTheSourcesDisagreeRarely() {
        needFile();
        IndonesiaElection gen = new IndonesiaElection(villages.subList(0, 20_000), 5, 2, 7);
        long[] sheets = {0};
        long[] disagreements = {0};
        long[] localVotes = {0, 0}; // in Aceh, elsewhere
        long[] turnout = {0, 0};
        Map<String, long[]> kpu = new HashMap<>();
        gen.sheets((v, st, s) -> {
            sheets[0]++;
            var k = s.counts();
            long sum = 0;
            for (long x : s.votes()) sum += x;
            assertThat(sum).as(s.stationId()).isEqualTo(k.valid());
            assertThat(k.valid() + k.nulls()).isEqualTo(k.ballotsCast());
            assertThat(k.ballotsCast()).isLessThanOrEqualTo(k.registered());
            if (s.contestId().equals("PPWP") && s.sourceId().equals("kpu")) {
                turnout[0] += k.ballotsCast();
                turnout[1] += k.registered();
            }
            if (s.contestId().startsWith("DPRD")) {
                for (int j = 18; j < 24; j++) localVotes[v.provinceCode().equals("11") ? 0 : 1] += s.votes()[j];
            }
            String key = s.stationId() + "/" + s.contestId();
            if (s.sourceId().equals("kpu")) {
                kpu.clear();
                kpu.put(key, s.votes());
            } else if (!java.util.Arrays.equals(kpu.get(key), s.votes())) {
                disagreements[0]++;
            }
        });
        System.out.printf("%,d sheets, %,d disagreements%n", sheets[0], disagreements[0]);
        assertThat(localVotes[0]).as("local parties' votes in Aceh").isPositive();
        assertThat(localVotes[1]).as("local parties' votes outside Aceh").isZero();
        assertThat(turnout[0] / (double) turnout[1]).isBetween(0.75, 0.9);
        assertThat(disagreements[0]).isBetween(1L, sheets[0] / 2 / 10_000);
    }

    @Test
    void IN_COUNT_aTpsCountThatIsNotANumberIsRefusedNamingItsLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("villages.csv");
        Files.writeString(
                f,
                String.join(",", IdVillages.HEADER) + "\n"
                        + "11,ACEH,1101,\"ACEH, SELATAN\",110101,B,1101012001,K,3,,\n"
                        + "11,ACEH,1101,X,110101,B,1101012002,U,two,,\n");
        assertThatThrownBy(() -> IdVillages.read(f))
                .hasMessage("IN-COUNT at villages.csv:3: 'two' is not a TPS count or number");
        Files.writeString(f, String.join(",", IdVillages.HEADER) + "\n" + "11,ACEH,1101,\"ACEH,1101\n");
        assertThatThrownBy(() -> IdVillages.read(f)).hasMessageStartingWith("IN-SYNTAX at villages.csv:2");
    }

    @Test
    void quotedNamesAndSpecialTpsAreRead() {
        assertThat(IdVillages.split("a,\"b, \"\"c\"\"\",,d", "f", 1)).containsExactly("a", "b, \"c\"", "", "d");
        Village v = new Village("11", "A", "1101", "B", "110101", "C", "1101012001", "D", 2, 901, 902);
        assertThat(v.stations()).isEqualTo(4);
        assertThat(List.of(v.number(0), v.number(1), v.number(2), v.number(3))).containsExactly(1, 2, 901, 902);
    }

    private static String digest(IndonesiaElection gen) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        IdElectionFiles.definition(gen, json);
        sha.update(json.toByteArray());
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(csv, StandardCharsets.UTF_8)) {
            IdElectionFiles.sheets(gen, w);
        }
        sha.update(csv.toByteArray());
        return java.util.HexFormat.of().formatHex(sha.digest());
    }
}
