package org.veritally.formats.export;

import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.veritally.core.model.Candidate;
import org.veritally.core.model.Choice;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Unit;

/**
 * Format {@code openelections}: the OpenElections precinct layout {@code
 * county,precinct,office,district,party,candidate,votes}, one row per result, for one view. The
 * mapping (docs/open-data.md): {@code county} is the name of the station's level-1 unit (the first
 * level below the root), {@code precinct} the station id, {@code office} the contest name, {@code
 * district} empty (Veritally contests are election-wide), one row per ballot line with {@code
 * party} the line's name (empty when it is just the candidate's name) and {@code candidate} the
 * candidate's name. Following the OpenElections conventions, each station starts with an office
 * {@code Registered Voters} row (its catalogue registered voters), and each contest ends with
 * candidate rows {@code Over Votes} (Veritally's null votes), {@code Under Votes} (blank votes, when
 * the sheet carries them) and {@code Ballots Cast} (when the sheet carries them; per contest,
 * because each contest has its own sheet). Not thread-safe.
 */
public final class OpenElectionsWriter {
    public static final List<String> COLUMNS =
            List.of("county", "precinct", "office", "district", "party", "candidate", "votes");
    private final CsvLine line;
    private final Hierarchy hierarchy;
    private final Map<String, Contest> contests = new HashMap<>();
    private final Map<String, String[]> party = new HashMap<>();
    private final Map<String, String[]> candidate = new HashMap<>();
    private String lastStation;
    private long rows;

    public OpenElectionsWriter(Writer out, ElectionSnapshot snapshot) {
        this.line = new CsvLine(out);
        this.hierarchy = new Hierarchy(snapshot.election(), snapshot.units());
        for (Contest c : snapshot.election().contests()) {
            contests.put(c.id(), c);
            String[] p = new String[c.choices().size()];
            String[] n = new String[p.length];
            for (int i = 0; i < p.length; i++) {
                Choice ch = c.choices().get(i);
                Candidate k = c.candidates().get(c.candidateIndex(ch.candidateId()));
                n[i] = k.name();
                p[i] = ch.name().equals(k.name()) ? "" : ch.name();
            }
            party.put(c.id(), p);
            candidate.put(c.id(), n);
        }
    }

    /** Writes the header and the rows of the view's sheets; returns the number of data rows. */
    public long write(ExportData data, org.veritally.core.tabulate.View view) {
        for (String c : COLUMNS) line.text(c);
        line.end();
        data.viewSheets(view, this::sheet);
        return rows;
    }

    void sheet(StationSheet s) {
        String county = county(s.station().unitId());
        String precinct = s.station().id();
        if (!precinct.equals(lastStation)) {
            row(county, precinct, "Registered Voters", "", "", s.station().registeredVoters());
            lastStation = precinct;
        }
        Contest c = contests.get(s.contestId());
        if (c == null) throw new IllegalArgumentException("unknown contest " + s.contestId());
        String[] p = party.get(c.id());
        String[] n = candidate.get(c.id());
        for (int i = 0; i < p.length; i++) row(county, precinct, c.name(), p[i], n[i], s.vote(i));
        var k = s.counts();
        row(county, precinct, c.name(), "", "Over Votes", k.nulls());
        if (k.blank() >= 0) row(county, precinct, c.name(), "", "Under Votes", k.blank());
        if (k.ballotsCast() >= 0) row(county, precinct, c.name(), "", "Ballots Cast", k.ballotsCast());
    }

    private String county(String unitId) {
        if (hierarchy.depth() == 0) return "";
        Unit u = hierarchy.path(unitId)[0];
        return u == null ? "" : u.name();
    }

    private void row(
            String county, String precinct, String office, String partyName, String candidateName, long votes) {
        line.text(county)
                .text(precinct)
                .text(office)
                .empty()
                .text(partyName)
                .text(candidateName)
                .num(votes);
        line.end();
        rows++;
    }
}
