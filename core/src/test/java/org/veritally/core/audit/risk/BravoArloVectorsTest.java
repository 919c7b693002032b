package org.veritally.core.audit.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * ST-RLA-BRAVO: the initial sample size (BRAVO's average sample number, Lindeman, Stark &amp; Yates 2012, equation
 * (5), for the closest winner-loser pair, rounded up) against the published test vectors of Arlo, the RLA
 * software of VotingWorks: {@code server/tests/audit_math/test_bravo.py}, {@code test_expected_sample_sizes}
 * ({@code true_asns}) and {@code true_sample_sizes} ("asn"), risk limit 10%, for the contests of its {@code
 * bravo_contests} with one winner and a loser with votes. Arlo's {@code ballots} is the manifest, blank and invalid
 * ballots included, as ours is. BRAVO's Table 1 and the tables of Lindeman &amp; Stark's "Gentle Introduction"
 * (2012) were not found in any reference corpus available to us (docs/audit.md); these vectors are the closest
 * published figures found.
 */
class BravoArloVectorsTest {

    static long asn(long ballots, long... votes) {
        return Bravo.of(votes, 1, ballots).initialSampleSize(0.10);
    }

    @Test
    void ST_RLA_BRAVO_arloTest1SixHundredToFourHundredOfAThousandIs119() {
        assertThat(asn(1000, 600, 400)).isEqualTo(119);
    }

    @Test
    void ST_RLA_BRAVO_arloTest2ThreeCandidatesOfNineHundredIs22() {
        assertThat(asn(900, 600, 200, 100)).isEqualTo(22);
    }

    @Test
    void ST_RLA_BRAVO_arloTest6ThreeHundredToTwoHundredsOfAThousandIs238() {
        assertThat(asn(1000, 300, 200, 200)).isEqualTo(238);
    }

    @Test
    void ST_RLA_BRAVO_arloTest12ACandidateWithNoVotesChangesNothing119() {
        assertThat(asn(1000, 600, 400, 0)).isEqualTo(119);
    }

    @Test
    void ST_RLA_BRAVO_arloSmallThirdCandidateOfTwentyThousandIs1769() {
        assertThat(asn(20000, 10000, 9000, 200)).isEqualTo(1769);
    }
}
