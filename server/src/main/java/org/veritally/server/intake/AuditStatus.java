package org.veritally.server.intake;

import java.util.List;
import java.util.Optional;

/**
 * Where a risk-limiting audit stands (docs/audit.md), as the CLI, the API and the page show it: its definition, its
 * seed once revealed, every recorded round with its risk and decision, and the current round's stations still to
 * count. Immutable.
 *
 * @param id the audit's id
 * @param contest the contest's id
 * @param view {@code official} or a source's id
 * @param riskLimit alpha as written
 * @param method {@code macro} or {@code bravo}
 * @param maxRounds rounds before a full hand count
 * @param seedCommitment the SHA-256 of the seed
 * @param seed the seed, once revealed
 * @param state {@code awaiting-seed}, {@code counting}, {@code confirmed}, {@code full-hand-count}, or {@code
 *     no-outcome} when the view's sheets give no outcome to audit (none yet, or a tie)
 * @param rounds the recorded rounds, in order
 * @param current the round being counted, when the audit goes on
 * @param fullCount once a round decided {@code full-hand-count}: the full hand count so far, and its result when
 *     every station is counted
 * @param strata the units whose stations are sampled apart (MACRO; empty when the sample is over the contest)
 * @param reported once the seed is revealed: the log index whose results the audit uses, and what changed since
 */
public record AuditStatus(
        String id,
        String contest,
        String view,
        String riskLimit,
        String method,
        int maxRounds,
        String seedCommitment,
        Optional<String> seed,
        String state,
        List<RoundStatus> rounds,
        Optional<Current> current,
        Optional<FullCount> fullCount,
        List<String> strata,
        Optional<Reported> reported) {

    public AuditStatus {
        rounds = List.copyOf(rounds);
        strata = List.copyOf(strata);
    }

    /**
     * A full hand count (docs/audit.md): every station of the catalogue counted by hand; when the last is in, its
     * totals are the audit's result and stand for the contest in the audit's view.
     *
     * @param stations the stations of the catalogue
     * @param counted the stations with a hand count of every choice
     * @param totals per choice, in the contest's order: the reported votes and the hand-counted votes so far
     * @param reportedWinners the reported winner's choice id
     * @param countedWinners the hand count's winner once complete (empty before, or on a tie)
     * @param result {@code counting} until every station is counted, then {@code confirmed} (the hand count has
     *     the reported winner) or {@code overturned} (another winner, or a tie)
     */
    public record FullCount(
            int stations,
            int counted,
            List<ChoiceTotal> totals,
            List<String> reportedWinners,
            List<String> countedWinners,
            String result) {
        public FullCount {
            totals = List.copyOf(totals);
            reportedWinners = List.copyOf(reportedWinners);
            countedWinners = List.copyOf(countedWinners);
        }

        /** Whether every station is counted, so the hand count is the audit's result. */
        public boolean complete() {
            return counted == stations;
        }
    }

    /**
     * The results an audit uses (docs/audit.md, "Reported results fixed at the seed"): those of the log before its
     * seed; a correction, an agreed copy or a station that came later is in the results but not in the audit.
     *
     * @param asOf the log index of the seed: the audit uses the results of entries 0 .. asOf - 1
     * @param changed the audit's stations whose copy in the view was corrected, or first came, since the seed
     * @param added the stations added to the catalogue since the seed, which the audit does not sample
     */
    public record Reported(long asOf, int changed, int added) {}

    /** A choice's reported and hand-counted votes in a full hand count. */
    public record ChoiceTotal(String choice, long reported, long counted) {}

    /**
     * A recorded round.
     *
     * @param round its number
     * @param draws the cumulative draws
     * @param risk the measured risk as the log writes it
     * @param decision {@code confirmed}, {@code next-round} or {@code full-hand-count}
     * @param index the log index of its entry
     * @param stations the distinct stations drawn up to this round (recomputed)
     * @param counted how many of them had a hand count when the round was measured
     */
    public record RoundStatus(
            int round, long draws, String risk, String decision, long index, int stations, int counted) {}

    /**
     * The round being counted.
     *
     * @param round its number
     * @param draws its cumulative draws
     * @param risk the risk if it were measured now (stations not counted at their worst case)
     * @param counted the drawn stations counted so far
     * @param stations every drawn station, in draw order
     */
    public record Current(int round, long draws, String risk, int counted, List<Station> stations) {
        public Current {
            stations = List.copyOf(stations);
        }

        /** The drawn stations not counted yet. */
        public List<Station> toCount() {
            return stations.stream().filter(s -> !s.counted()).toList();
        }
    }

    /**
     * A drawn station.
     *
     * @param station its id
     * @param stratum its jurisdiction (the unit it belongs to)
     * @param counted whether its hand count is in the log (BRAVO: every drawn ballot of it read)
     * @param ballots BRAVO: the drawn ballot positions to find, in order; empty for MACRO
     */
    public record Station(String station, String stratum, boolean counted, List<Long> ballots) {
        public Station {
            ballots = List.copyOf(ballots);
        }
    }
}
