package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate --geography id-2024} end to end on a small villages file in the real file's layout (the
 * full file is tested in formats' {@code IndonesiaElectionTest}): the definition and the sheets it writes
 * import without a problem, and wrong arguments are usage errors.
 */
class GenerateIndonesiaTest {
    static final String VILLAGES = "province_code,province,regency_code,regency,district_code,district,"
            + "village_code,village,tps,special_tps_from,special_tps_to\n"
            + "11,ACEH,1101,ACEH SELATAN,110108,TAPAKTUAN,1101082007,PASAR,2,901,901\n"
            + "11,ACEH,1101,ACEH SELATAN,110108,TAPAKTUAN,1101082008,\"LHOK, KETAPANG\",3,,\n"
            + "31,DKI JAKARTA,3171,KOTA ADM. JAKARTA SELATAN,317101,JAGAKARSA,3171011001,\"=SRENGSENG\",4,,\n";

    @Test
    void theGeneratedIndonesianElectionImportsWhole(@TempDir Path dir) throws Exception {
        Path villages = dir.resolve("villages.csv");
        Files.writeString(villages, VILLAGES);
        Path out = dir.resolve("gen");
        var g = StatsCommandTest.run(
                "generate",
                "--geography",
                "id-2024",
                villages.toString(),
                "--contests",
                "5",
                "--sources",
                "2",
                "--seed",
                "7",
                "--out",
                out.toString());
        assertThat(g.code()).as(g.err()).isZero();
        assertThat(g.out()).contains("10 stations", "5 contests", "2 sources", "(100 sheets)");
        Path data = dir.resolve("data");
        var def = StatsCommandTest.run(
                "import",
                "--data",
                data.toString(),
                "--format",
                "election",
                out.resolve("election.json").toString());
        assertThat(def.code()).as(def.err()).isZero();
        var sheets = StatsCommandTest.run(
                "import",
                "--data",
                data.toString(),
                "--format",
                "csv",
                "--quiet",
                out.resolve("sheets.csv").toString());
        assertThat(sheets.code()).as(sheets.err() + sheets.out()).isZero();
        assertThat(sheets.out()).contains("accepted 100 (100 new", "0 problems");
        assertThat(Files.readString(out.resolve("sheets.csv"))).contains("1101082007.901", "\"LHOK, KETAPANG\"");
    }

    @Test
    void anUnknownGeographyOrStationsBesideItAreUsageErrors(@TempDir Path dir) throws Exception {
        Path villages = dir.resolve("villages.csv");
        Files.writeString(villages, VILLAGES);
        var unknown = StatsCommandTest.run(
                "generate", "--geography", "br-2022", villages.toString(), "--seed", "1", "--out", dir.toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown geography 'br-2022'");
        var both = StatsCommandTest.run(
                "generate",
                "--geography",
                "id-2024",
                villages.toString(),
                "--stations",
                "5",
                "--seed",
                "1",
                "--out",
                dir.toString());
        assertThat(both.code()).isEqualTo(2);
        var none = StatsCommandTest.run("generate", "--seed", "1", "--out", dir.toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("--stations N, or --geography id-2024 FILE");
        Files.writeString(villages, VILLAGES.replace(",2,901,901", ",x,901,901"));
        var bad = StatsCommandTest.run(
                "generate", "--geography", "id-2024", villages.toString(), "--seed", "1", "--out", dir.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("IN-COUNT at villages.csv:2");
    }
}
