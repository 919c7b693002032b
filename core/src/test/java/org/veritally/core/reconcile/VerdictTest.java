package org.veritally.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;

/** Reconciliation of one station × contest: missing, single, agreed, disputed, and the policy's minimum of sources. */
class VerdictTest {
    static final long NA = SummaryCounts.ABSENT;
    static final ConsensusPolicy ONE = new ConsensusPolicy(1);
    static final ConsensusPolicy TWO = ConsensusPolicy.DEFAULT;

    static CopyDigest digest(long ballots, long valid, long nulls, long... votes) {
        return CopyDigest.of(new TallySheet("S1", "P", "x", new SummaryCounts(NA, ballots, valid, nulls, NA), votes));
    }

    static final CopyDigest D = digest(60, 55, 5, 30, 25);
    static final CopyDigest D_NO_BALLOTS = digest(NA, 55, 5, 30, 25);
    static final CopyDigest D_OTHER_BALLOTS = digest(61, 55, 5, 30, 25);
    static final CopyDigest D_OTHER_VOTES = digest(60, 55, 5, 25, 30);

    @Test
    void missingWithoutCopies() {
        assertThat(Verdict.of(List.of(), TWO)).isEqualTo(Verdict.MISSING);
        assertThat(Verdict.MISSING.status()).isEqualTo(StationStatus.MISSING);
        assertThat(Verdict.MISSING.consensus()).isEmpty();
    }

    @Test
    void singleCopyCountsOnlyWhenOneSourceSuffices() {
        Copy c = new Copy(0, 7, D);
        assertThat(Verdict.of(List.of(c), ONE)).isEqualTo(new Verdict(StationStatus.SINGLE, java.util.Optional.of(c)));
        assertThat(Verdict.of(List.of(c), TWO))
                .isEqualTo(new Verdict(StationStatus.SINGLE, java.util.Optional.empty()));
    }

    @Test
    void agreedCopiesCountTheOneWithTheLowestLogIndex() {
        Copy late = new Copy(0, 40, D);
        Copy early = new Copy(1, 12, D_NO_BALLOTS); // ballots absent on one copy: agrees on what both carry
        Verdict v = Verdict.of(List.of(late, early), TWO);
        assertThat(v.status()).isEqualTo(StationStatus.AGREED);
        assertThat(v.consensus()).contains(early);
    }

    @Test
    void agreedButTooFewSourcesIsNotCounted() {
        Verdict v = Verdict.of(List.of(new Copy(0, 1, D), new Copy(1, 2, D)), new ConsensusPolicy(3));
        assertThat(v.status()).isEqualTo(StationStatus.AGREED);
        assertThat(v.consensus()).isEmpty();
    }

    @Test
    void disputedCopiesAreNeverCounted() {
        Verdict v = Verdict.of(List.of(new Copy(0, 1, D), new Copy(1, 2, D_OTHER_VOTES)), ONE);
        assertThat(v).isEqualTo(new Verdict(StationStatus.DISPUTED, java.util.Optional.empty()));
    }

    /**
     * Agreement is checked pair by pair: a copy without ballots agrees with 60 and with 61, but 60 and 61 do not agree.
     */
    @Test
    void disputedWhenAnyPairDisagreesEvenIfEachAgreesWithTheFirst() {
        Verdict v = Verdict.of(
                List.of(new Copy(0, 1, D_NO_BALLOTS), new Copy(1, 2, D), new Copy(2, 3, D_OTHER_BALLOTS)), TWO);
        assertThat(v.status()).isEqualTo(StationStatus.DISPUTED);
        assertThat(v.consensus()).isEmpty();
    }

    @Test
    void policyNeedsAtLeastOneSourceAndDescribesItself() {
        assertThatThrownBy(() -> new ConsensusPolicy(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ConsensusPolicy.DEFAULT.minSources()).isEqualTo(2);
        assertThat(ONE.describe()).contains("at least 1 distinct source have");
        assertThat(TWO.describe()).contains("at least 2 distinct sources have");
    }
}
