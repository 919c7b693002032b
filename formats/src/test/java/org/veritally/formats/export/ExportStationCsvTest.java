package org.veritally.formats.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.veritally.core.model.Candidate;
import org.veritally.core.model.Choice;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.Unit;

/** The per-station CSV, as a golden file: header, hierarchy, quoting, absent counts, column placement, order. */
class ExportStationCsvTest {
    @Test
    void goldenSmallElection() {
        var out = new StringWriter();
        long rows = new StationCsvWriter(out, SmallElection.data().snapshot()).write(SmallElection.data());
        assertThat(rows).isEqualTo(5);
        assertThat(out.toString()).isEqualTo("""
        state_code,state_name,town_code,town_name,station,station_name,registered_voters,contest,source,\
        source_kind,status,counted,log_index,\
        registered,ballots,valid,null,blank,A-1,A-2,B,Y_es,N
        S1,"North, upper",T1,"Town ""One""\",T1-1,School 1,400,P,auth,authority,agreed,1,100,400,250,240,6,4,\
        100,40,100,,
        S1,"North, upper",T1,"Town ""One""\",T1-1,School 1,400,P,wit,witness,agreed,0,101,400,250,240,6,4,100,40,100,,
        S1,"North, upper",T1,"Town ""One""\",T1-1,School 1,400,Q:1,auth,authority,single,0,102,400,250,245,5,0,,,,200,45
        S1,"North, upper",T1,"Town ""One""\",T1-2,School 2,300,P,auth,authority,disputed,0,103,300,200,190,10,\
        0,90,50,50,,
        S1,"North, upper",T1,"Town ""One""\",T1-2,School 2,300,P,wit,witness,disputed,0,104,,,190,10,,50,50,90,,
        """);
    }

    @Test
    void stationAboveTheLowestLevelLeavesItsCellsEmpty() {
        var h = new Hierarchy(SmallElection.DEFINITION.election(), SmallElection.DEFINITION.units());
        Unit[] p = h.path("S1");
        assertThat(p[0].id()).isEqualTo("S1");
        assertThat(p[1]).isNull();
    }

    @Test
    void choiceIdThatRepeatsAColumnNameIsRefused() {
        var e = new Election(
                "x",
                "X",
                "N",
                List.of("country"),
                List.of(new Contest(
                        "C", "C", List.of(new Choice("valid", "V", "k")), List.of(new Candidate("k", "K")))),
                0);
        var snap =
                new ElectionSnapshot(e, List.of(new Unit("N", "N", 0, "")), List.of(), 0, java.util.Optional.empty());
        assertThatThrownBy(() -> new StationCsvWriter(new StringWriter(), snap))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("valid");
    }
}
