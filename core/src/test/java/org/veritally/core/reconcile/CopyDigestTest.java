package org.veritally.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;

/** The digest of a copy: SHA-256 of the fields every copy has, and the optional counts packed 21 bits each. */
class CopyDigestTest {
    static final long NA = SummaryCounts.ABSENT;
    static final long FIELD = (1L << 21) - 1; // 2,097,151: all ones, absent or too large

    static CopyDigest of(long registered, long ballots, long valid, long nulls, long blank, long... votes) {
        return CopyDigest.of(
                new TallySheet("S1", "P", "src", new SummaryCounts(registered, ballots, valid, nulls, blank), votes));
    }

    @Test
    void coreIsTheFirst8BytesOfSha256OverValidNullAndVotesBigEndian() throws Exception {
        ByteBuffer b =
                ByteBuffer.allocate(8 * 4).putLong(55).putLong(5).putLong(30).putLong(25);
        long expected = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(b.array()))
                .getLong();
        assertThat(of(NA, 60, 55, 5, NA, 30, 25).core()).isEqualTo(expected);
    }

    @Test
    void coreIgnoresTheOptionalCountsAndTheSheetsIdentityButNotTheChoiceOrder() {
        CopyDigest a = of(100, 60, 55, 5, 0, 30, 25);
        assertThat(of(NA, NA, 55, 5, NA, 30, 25).core()).isEqualTo(a.core());
        assertThat(CopyDigest.of(new TallySheet(
                                "S9", "Q", "other", new SummaryCounts(NA, NA, 55, 5, NA), new long[] {30, 25}))
                        .core())
                .isEqualTo(a.core());
        assertThat(of(100, 60, 55, 5, 0, 25, 30).core())
                .as("votes swapped between choices")
                .isNotEqualTo(a.core());
        assertThat(of(100, 60, 55, 4, 0, 30, 25).core())
                .as("one null vote fewer")
                .isNotEqualTo(a.core());
    }

    @Test
    void optionalCountsArePackedRegisteredBallotsBlank() {
        // 100 | 60 << 21 | FIELD << 42 (blank absent) = 0x64 + 0x7800000 + 0x7FFFFC0000000000
        assertThat(of(100, 60, 55, 5, NA, 30, 25).optional()).isEqualTo(0x7FFF_FC00_0780_0064L);
        // every count absent: all three fields all ones
        assertThat(of(NA, NA, 55, 5, NA, 30, 25).optional()).isEqualTo(FIELD | FIELD << 21 | FIELD << 42);
        // too large to pack (>= 2^21 - 1) is all ones, like absent; one less still packs
        assertThat(of(FIELD, 0, 0, 0, 0, 0, 0).optional() & FIELD).isEqualTo(FIELD);
        assertThat(of(3_000_000, 0, 0, 0, 0, 0, 0).optional() & FIELD).isEqualTo(FIELD);
        assertThat(of(FIELD - 1, 0, 0, 0, 0, 0, 0).optional() & FIELD).isEqualTo(FIELD - 1);
    }

    @Test
    void agreesWhenEveryCountBothCarryIsEqual() {
        CopyDigest full = of(100, 60, 55, 5, 0, 30, 25);
        assertThat(full.agreesWith(full)).isTrue();
        assertThat(full.agreesWith(of(NA, NA, 55, 5, NA, 30, 25)))
                .as("the other carries no optional count")
                .isTrue();
        assertThat(of(NA, 60, 55, 5, NA, 30, 25).agreesWith(of(100, NA, 55, 5, 0, 30, 25)))
                .as("no optional count in both")
                .isTrue();
        assertThat(full.agreesWith(of(101, 60, 55, 5, 0, 30, 25)))
                .as("registered differs")
                .isFalse();
        assertThat(full.agreesWith(of(100, 61, 55, 5, 0, 30, 25)))
                .as("ballots differ")
                .isFalse();
        assertThat(full.agreesWith(of(100, 60, 55, 5, 1, 30, 25)))
                .as("blank differs")
                .isFalse();
        assertThat(full.agreesWith(of(100, 60, 55, 5, 0, 31, 24)))
                .as("votes differ")
                .isFalse();
        assertThat(of(100, 60, 55, 5, 0, 30, 25).agreesWith(of(100, 60, 55, 5, NA, 30, 25)))
                .isTrue();
    }

    /** Values too large to pack compare as unknown here: the store compares such copies field by field. */
    @Test
    void countsTooLargeToPackAreLeftToTheFieldByFieldComparison() {
        assertThat(of(3_000_000, 60, 55, 5, 0, 30, 25).agreesWith(of(2_500_000, 60, 55, 5, 0, 30, 25)))
                .isTrue();
        assertThat(of(FIELD - 1, 60, 55, 5, 0, 30, 25).agreesWith(of(FIELD - 2, 60, 55, 5, 0, 30, 25)))
                .isFalse();
    }

    @Test
    void agreementIsSymmetric() {
        CopyDigest a = of(100, NA, 55, 5, 0, 30, 25);
        CopyDigest b = of(NA, 60, 55, 5, 1, 30, 25);
        assertThat(a.agreesWith(b)).isEqualTo(b.agreesWith(a)).isFalse();
    }
}
