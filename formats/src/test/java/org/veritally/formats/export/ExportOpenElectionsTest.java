package org.veritally.formats.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.veritally.core.tabulate.View;

/**
 * The OpenElections layout: county = level-1 name, a Registered Voters row per station, lines as party + candidate,
 * summary rows.
 */
class ExportOpenElectionsTest {
    @Test
    void goldenSmallElectionWitnessView() {
        var out = new StringWriter();
        long rows = new OpenElectionsWriter(out, SmallElection.data().snapshot())
                .write(SmallElection.data(), new View.OfSource("wit"));
        assertThat(out.toString()).isEqualTo("""
        county,precinct,office,district,party,candidate,votes
        "North, upper",T1-1,Registered Voters,,,,400
        "North, upper",T1-1,President,,Party X (Ana),Ana,100
        "North, upper",T1-1,President,,Party Y (Ana),Ana,40
        "North, upper",T1-1,President,,,Bruna,100
        "North, upper",T1-1,President,,,Over Votes,6
        "North, upper",T1-1,President,,,Under Votes,4
        "North, upper",T1-1,President,,,Ballots Cast,250
        "North, upper",T1-2,Registered Voters,,,,300
        "North, upper",T1-2,President,,Party X (Ana),Ana,50
        "North, upper",T1-2,President,,Party Y (Ana),Ana,50
        "North, upper",T1-2,President,,,Bruna,90
        "North, upper",T1-2,President,,,Over Votes,10
        """);
        assertThat(rows).isEqualTo(12);
    }

    @Test
    void oneRegisteredVotersRowPerStationAcrossContests() {
        var out = new StringWriter();
        new OpenElectionsWriter(out, SmallElection.data().snapshot())
                .write(SmallElection.data(), new View.OfSource("auth"));
        assertThat(out.toString()
                        .lines()
                        .filter(l -> l.contains("T1-1,Registered Voters"))
                        .count())
                .isEqualTo(1);
        assertThat(out.toString()).contains("T1-1,Question,,,Yes,200", "T1-1,Question,,,No,45");
    }
}
