package org.veritally.formats.nist;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.formats.csv.SheetRow;

/**
 * Format {@code nist-json} for import: reads the station-level counts of a NIST SP 1500-100 v2 JSON
 * report back into tally sheets of one source, for an election already defined. Objects are matched
 * by the ExternalIdentifiers Veritally exports ({@link NistIds}): a GpUnit by {@code
 * veritally-station} (GpUnits marked {@code veritally-unit} are aggregates and are skipped), a
 * contest by {@code veritally-contest}, a selection by its endorsing Party's {@code
 * veritally-choice} (or, failing that, by its candidate's {@code veritally-candidate} when the
 * candidate has one ballot line). Per station and contest: votes from the {@code total} VoteCounts,
 * null votes from OtherCounts Overvotes, blank from Undervotes, ballots from the BallotCounts of
 * OtherType {@code veritally-contest:<id>}; the printed registered voters are not in the standard
 * and stay absent. Every problem names its rule and where it is. Stateless.
 */
public final class NistJsonSheets {
    public static final String FORMAT = "nist-json";

    private NistJsonSheets() {}

    /** Reads the report and emits one row per station × contest found in it. */
    public static void sheets(
            Path file, Election election, String source, List<Problem> fileProblems, Consumer<SheetRow> out) {
        String name = file.getFileName().toString();
        NistScan scan;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            scan = NistJsonScanner.scan(in, name, fileProblems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (scan == null) return;
        if (scan.elections != 1) {
            fileProblems.add(new Problem(
                    Rule.IN_FIELD, name + " Election", "expected one Election in the report, found " + scan.elections));
            return;
        }
        if (!scan.electionIds.isEmpty() && !scan.electionIds.get(0).equals(election.id())) {
            fileProblems.add(new Problem(
                    Rule.EL_REDEFINE,
                    name + " Election",
                    "the report is of election '" + scan.electionIds.get(0) + "', the data directory holds '"
                            + election.id() + "'"));
            return;
        }
        String[] stationOf = stations(scan, name, fileProblems);
        Set<String> seen = new HashSet<>();
        for (NistScan.ContestScan c : scan.contests) {
            String where = name + " Contest " + c.id;
            String id = c.externalIds.get(NistIds.CONTEST);
            Optional<Contest> contest = id == null ? Optional.empty() : election.contest(id);
            if (contest.isEmpty()) {
                fileProblems.add(new Problem(
                        Rule.TS_CONTEST,
                        where,
                        id == null ? "no ExternalIdentifier " + NistIds.CONTEST : "unknown contest '" + id + "'"));
            } else if (!seen.add(id)) {
                fileProblems.add(new Problem(Rule.IN_FIELD, where, "contest '" + id + "' appears twice in the report"));
            } else {
                new ContestSheets(scan, c, contest.get(), stationOf, source, where, fileProblems).emit(out);
            }
        }
    }

    /** Station id of each GpUnit reference; null for units (skipped) and unknown GpUnits (reported). */
    private static String[] stations(NistScan scan, String file, List<Problem> problems) {
        String[] out = new String[scan.gpNames.size()];
        for (int i = 0; i < out.length; i++) {
            String gp = scan.gpNames.get(i);
            out[i] = scan.external(gp, NistIds.STATION);
            if (out[i] == null && scan.external(gp, NistIds.UNIT) == null) {
                problems.add(new Problem(
                        Rule.TS_STATION,
                        file + " GpUnit " + gp,
                        "counts for a GpUnit without ExternalIdentifier " + NistIds.STATION + " (or " + NistIds.UNIT
                                + "); they are not read"));
            }
        }
        return out;
    }

    /** The sheets of one contest: counts gathered into arrays indexed by GpUnit reference. */
    private static final class ContestSheets {
        private final Contest contest;
        private final String[] stationOf;
        private final String source;
        private final String where;
        private final List<Problem> fileProblems;
        private final int k;
        private final long[] votes;
        private final long[] nulls;
        private final long[] blank;
        private final long[] ballots;
        private final boolean[] present;
        private final Map<Integer, List<Problem>> rowProblems = new HashMap<>();

        ContestSheets(
                NistScan scan,
                NistScan.ContestScan c,
                Contest contest,
                String[] stationOf,
                String source,
                String where,
                List<Problem> fileProblems) {
            this.contest = contest;
            this.stationOf = stationOf;
            this.source = source;
            this.where = where;
            this.fileProblems = fileProblems;
            int n = stationOf.length;
            this.k = contest.choices().size();
            this.votes = filled((long) n * k);
            this.nulls = filled(n);
            this.blank = filled(n);
            this.ballots = filled(n);
            this.present = new boolean[n];
            boolean[] lineSeen = new boolean[k];
            for (NistScan.SelectionScan s : c.selections) {
                int line = line(scan, s);
                if (line < 0) continue;
                if (lineSeen[line]) {
                    fileProblems.add(new Problem(
                            Rule.TS_CHOICE,
                            where + " ContestSelection " + s.id,
                            "a second selection for line '"
                                    + contest.choices().get(line).id() + "'"));
                    continue;
                }
                lineSeen[line] = true;
                s.otherTypes.forEach((t, count) -> fileProblems.add(new Problem(
                        Rule.IN_FIELD,
                        where + " ContestSelection " + s.id,
                        count + " VoteCounts of Type '" + t
                                + "' not read (Veritally reads one count of Type total per station)")));
                String what =
                        "VoteCounts of line " + contest.choices().get(line).id();
                for (int j = 0; j < s.counts.size; j++)
                    put(votes, s.counts.gp[j] * (long) k + line, s.counts.gp[j], s.counts.value[j], what);
            }
            for (int j = 0; j < c.overvotes.size; j++)
                put(nulls, c.overvotes.gp[j], c.overvotes.gp[j], c.overvotes.value[j], "Overvotes");
            for (int j = 0; j < c.undervotes.size; j++)
                put(blank, c.undervotes.gp[j], c.undervotes.gp[j], c.undervotes.value[j], "Undervotes");
            var b = scan.ballots.get(NistIds.BALLOTS_OF + contest.id());
            if (b != null) for (int j = 0; j < b.size; j++) put(ballots, b.gp[j], b.gp[j], b.value[j], "BallotCounts");
        }

        private static long[] filled(long n) {
            long[] a = new long[Math.toIntExact(n)];
            Arrays.fill(a, -1);
            return a;
        }

        private void put(long[] into, long index, int gp, long value, String what) {
            if (stationOf[gp] == null) return;
            int i = Math.toIntExact(index);
            if (into[i] >= 0) {
                rowProblems
                        .computeIfAbsent(gp, g -> new ArrayList<>())
                        .add(new Problem(Rule.TS_DUP_ROW, "", "two " + what));
                return;
            }
            into[i] = value;
            present[gp] = true;
        }

        /** The ballot line of a selection, or -1 after a problem. */
        private int line(NistScan scan, NistScan.SelectionScan s) {
            for (String party : s.partyIds) {
                String choice = scan.external(party, NistIds.CHOICE);
                if (choice == null) continue;
                int i = contest.choiceIndex(choice);
                if (i < 0)
                    fileProblems.add(new Problem(
                            Rule.TS_CHOICE,
                            where + " ContestSelection " + s.id,
                            "line '" + choice + "' is not in contest " + contest.id()));
                return i;
            }
            if (s.candidateIds.size() == 1) {
                String cand = scan.external(s.candidateIds.get(0), NistIds.CANDIDATE);
                int found = -1;
                int lines = 0;
                for (int i = 0; i < k; i++) {
                    if (contest.choices().get(i).candidateId().equals(cand)) {
                        found = i;
                        lines++;
                    }
                }
                if (lines == 1) return found;
            }
            fileProblems.add(new Problem(
                    Rule.TS_CHOICE,
                    where + " ContestSelection " + s.id,
                    "names no ballot line of contest " + contest.id() + " (no Party with ExternalIdentifier "
                            + NistIds.CHOICE + ", and no candidate with exactly one line)"));
            return -1;
        }

        void emit(Consumer<SheetRow> out) {
            for (int g = 0; g < present.length; g++) {
                if (!present[g]) continue;
                String loc = where + " GpUnit " + stationOf[g];
                List<Problem> ps = new ArrayList<>();
                for (Problem p : rowProblems.getOrDefault(g, List.of())) ps.add(p.at(loc));
                long[] v = new long[k];
                long valid = 0;
                for (int i = 0; i < k; i++) {
                    v[i] = votes[g * k + i];
                    if (v[i] < 0)
                        ps.add(new Problem(
                                Rule.TS_CHOICE,
                                loc,
                                "no VoteCounts for line '"
                                        + contest.choices().get(i).id() + "'"));
                    else valid += v[i];
                }
                if (nulls[g] < 0) ps.add(new Problem(Rule.IN_FIELD, loc, "no OtherCounts Overvotes (the null votes)"));
                if (!ps.isEmpty()) {
                    out.accept(new SheetRow(loc, Optional.empty(), ps));
                    continue;
                }
                var counts = new SummaryCounts(SummaryCounts.ABSENT, ballots[g], valid, nulls[g], blank[g]);
                out.accept(new SheetRow(
                        loc, Optional.of(new TallySheet(stationOf[g], contest.id(), source, counts, v)), List.of()));
            }
        }
    }
}
