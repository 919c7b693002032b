package org.veritally.formats.nist;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.veritally.core.model.Candidate;
import org.veritally.core.model.Choice;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.tabulate.View;
import org.veritally.formats.export.ElectionSnapshot;
import org.veritally.formats.export.ExportData;

/**
 * Writes one view of an election as a NIST SP 1500-100 v2 ElectionReport, in the XSD's element
 * order (so JSON and XML come from the same calls). Mapping (docs/open-data.md §NIST):
 *
 * <ul>
 *   <li>units and stations are ReportingUnits (GpUnit) linked by ComposingGpUnitIds; stations are
 *       {@code precinct}s; VotersRegistered is the catalogue's;
 *   <li>a contest is a CandidateContest over the root unit, VotesAllowed 1; each ballot line is a
 *       CandidateSelection naming its candidate and, as EndorsementPartyIds, a Party standing for
 *       the line (its name is the line's);
 *   <li>VoteCounts (Type total) per selection for every unit (the published unit totals of the
 *       view) and every station (the sheet counted in the view); OtherCounts carry null votes as
 *       Overvotes and blank votes as Undervotes; BallotCounts carry ballots cast per contest;
 *   <li>the view is the report: Issuer is the source (or Veritally for the consensus), and
 *       ExternalIdentifiers name the view and the log size.
 * </ul>
 *
 * Memory holds the units, one unit's stations at a time and nothing per sheet (see {@link
 * CountSpill}). Not thread-safe; one report per instance.
 */
public final class NistReportWriter {
    /** What was written: station and unit count sets, and whether every station reported every contest. */
    public record Summary(long stationCounts, long unitCounts, long stations, boolean complete) {}

    private final NistSink sink;
    private final ElectionSnapshot snapshot;
    private final ReportHeader header;
    private final Election election;
    private final Map<String, Integer> contestIndex = new HashMap<>();

    public NistReportWriter(NistSink sink, ElectionSnapshot snapshot, ReportHeader header) {
        this.sink = sink;
        this.snapshot = snapshot;
        this.header = header;
        this.election = snapshot.election();
        for (int c = 0; c < election.contests().size(); c++)
            contestIndex.put(election.contests().get(c).id(), c);
    }

    /** Writes the whole report for a resolved view (a source or the consensus). */
    public Summary write(ExportData data, View view) {
        var units = new GpUnits(sink, snapshot, header.language());
        data.stationsByUnit(units::count);
        int n = election.contests().size();
        int[] choices = new int[n];
        for (int c = 0; c < n; c++)
            choices[c] = election.contests().get(c).choices().size();
        long[] stationRows = new long[n];
        long[] reported = new long[n];
        long[] unitRows = {0};
        try (CountSpill spill = new CountSpill(choices)) {
            data.unitTotals(view, t -> {
                int c = contest(t.contestId());
                spill.add(c, NistIds.unit(t.unitId()), t.ballots(), t.nulls(), t.blank(), t.votes());
                if (t.unitId().equals(election.rootUnitId())) reported[c] = t.stations();
                unitRows[0]++;
            });
            data.viewSheets(view, s -> {
                int c = contest(s.contestId());
                var k = s.counts();
                spill.add(c, NistIds.station(s.station().id()), k.ballotsCast(), k.nulls(), k.blank(), s.votes());
                stationRows[c]++;
            });
            spill.finish();
            boolean complete = units.stations() > 0;
            for (long r : stationRows) complete &= r == units.stations();
            sink.startReport();
            sink.startList("Election");
            election(spill, reported, units.stations());
            sink.endList();
            sink.startList("ExternalIdentifier");
            sink.externalId(NistIds.VIEW, header.viewWire());
            sink.externalId(NistIds.LOG_SIZE, Long.toString(snapshot.logSize()));
            sink.endList();
            sink.string("Format", "precinct-level");
            sink.string("GeneratedDate", header.generatedDate());
            sink.startList("GpUnit");
            data.stationsByUnit(units::write);
            units.finish();
            sink.endList();
            sink.string("Issuer", header.issuer());
            sink.string("IssuerAbbreviation", header.issuerAbbreviation());
            sink.string("Notes", header.notes());
            parties();
            sink.number("SequenceStart", 1);
            sink.number("SequenceEnd", 1);
            sink.string("Status", complete ? "unofficial-complete" : "unofficial-partial");
            sink.string("VendorApplicationId", ReportHeader.VENDOR);
            sink.endReport();
            long stationCounts = 0;
            for (long r : stationRows) stationCounts += r;
            return new Summary(stationCounts, unitRows[0], units.stations(), complete);
        }
    }

    private int contest(String id) {
        Integer c = contestIndex.get(id);
        if (c == null) throw new IllegalArgumentException("row of unknown contest " + id);
        return c;
    }

    private void election(CountSpill spill, long[] reported, long stations) {
        sink.startObject("Election");
        sink.startList("BallotCounts");
        for (int c = 0; c < election.contests().size(); c++) {
            String type = NistIds.BALLOTS_OF + election.contests().get(c).id();
            spill.read(c, (gp, ballots, nulls, blank, votes) -> {
                if (ballots < 0) return;
                sink.startObject("BallotCounts");
                sink.string("GpUnitId", gp);
                sink.string("Type", "other");
                sink.string("OtherType", type);
                sink.number("BallotsCast", ballots);
                sink.endObject();
            });
        }
        sink.endList();
        sink.startList("Candidate");
        for (Contest c : election.contests()) {
            for (Candidate k : c.candidates()) {
                sink.startObject("Candidate", NistIds.candidate(c.id(), k.id()));
                sink.text("BallotName", k.name(), header.language());
                sink.startList("ExternalIdentifier");
                sink.externalId(NistIds.CANDIDATE, k.id());
                sink.endList();
                sink.endObject();
            }
        }
        sink.endList();
        sink.startList("Contest");
        for (int c = 0; c < election.contests().size(); c++) contest(spill, c, reported[c], stations);
        sink.endList();
        sink.string("ElectionScopeId", NistIds.unit(election.rootUnitId()));
        sink.startList("ExternalIdentifier");
        sink.externalId(NistIds.ELECTION, election.id());
        sink.endList();
        sink.text("Name", election.name(), header.language());
        sink.string("StartDate", header.electionDate());
        sink.string("EndDate", header.electionDate());
        if (ReportHeader.ELECTION_TYPES.contains(header.electionType())) {
            sink.string("Type", header.electionType());
        } else {
            sink.string("Type", "other");
            sink.string("OtherType", header.electionType());
        }
        sink.endObject();
    }

    private void contest(CountSpill spill, int c, long reported, long stations) {
        Contest contest = election.contests().get(c);
        sink.startObject("CandidateContest", NistIds.contest(contest.id()));
        sink.startList("ContestSelection");
        for (int i = 0; i < contest.choices().size(); i++) {
            Choice ch = contest.choices().get(i);
            int line = i;
            sink.startObject("CandidateSelection", NistIds.selection(contest.id(), ch.id()));
            sink.number("SequenceOrder", i + 1);
            sink.startList("VoteCounts");
            spill.read(c, (gp, ballots, nulls, blank, votes) -> {
                sink.startObject("VoteCounts");
                sink.string("GpUnitId", gp);
                sink.string("Type", "total");
                sink.number("Count", votes[line]);
                sink.endObject();
            });
            sink.endList();
            sink.refs("CandidateIds", List.of(NistIds.candidate(contest.id(), ch.candidateId())));
            sink.refs("EndorsementPartyIds", List.of(NistIds.party(contest.id(), ch.id())));
            sink.endObject();
        }
        sink.endList();
        sink.string("ElectionDistrictId", NistIds.unit(election.rootUnitId()));
        sink.startList("ExternalIdentifier");
        sink.externalId(NistIds.CONTEST, contest.id());
        sink.endList();
        sink.string("Name", contest.name());
        sink.startList("OtherCounts");
        spill.read(c, (gp, ballots, nulls, blank, votes) -> {
            sink.startObject("OtherCounts");
            sink.string("GpUnitId", gp);
            sink.number("Overvotes", nulls);
            if (blank >= 0) sink.number("Undervotes", blank);
            sink.endObject();
        });
        sink.endList();
        sink.number("SequenceOrder", c + 1);
        sink.number("SubUnitsReported", reported);
        sink.number("TotalSubUnits", stations);
        sink.string("VoteVariation", "plurality");
        sink.number("VotesAllowed", 1);
        sink.endObject();
    }

    private void parties() {
        sink.startList("Party");
        for (Contest c : election.contests()) {
            for (Choice ch : c.choices()) {
                sink.startObject("Party", NistIds.party(c.id(), ch.id()));
                sink.startList("ExternalIdentifier");
                sink.externalId(NistIds.CHOICE, ch.id());
                sink.endList();
                sink.text("Name", ch.name(), header.language());
                sink.endObject();
            }
        }
        sink.endList();
    }
}
