package org.veritally.core.reconcile;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;

/**
 * What reconciliation remembers of one copy without keeping the copy: a digest of the fields every
 * copy has (valid, null, votes per choice: the first 8 bytes of their SHA-256, so a source cannot
 * craft a different sheet that passes for another's without a 2^64 second-preimage search), and the
 * optional summary counts (registered, ballots, blank) packed 21 bits each, all ones meaning absent
 * or too large to pack (then the copy is compared field by field from the store).
 *
 * <p>Two copies agree when their digests are equal and every optional count present in both is
 * equal (docs/reconciliation.md). Immutable.
 */
public record CopyDigest(long core, long optional) {
    static final long FIELD = (1L << 21) - 1;

    /** One SHA-256 per thread: looking the algorithm up for every copy showed in verify's profile. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(CopyDigest::sha256);

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CopyDigest of(TallySheet s) {
        MessageDigest md = SHA256.get();
        ByteBuffer b = ByteBuffer.allocate(8 * (2 + s.choiceCount()));
        b.putLong(s.counts().valid()).putLong(s.counts().nulls());
        for (int i = 0; i < s.choiceCount(); i++) b.putLong(s.vote(i));
        byte[] h = md.digest(b.array()); // digest() also resets md for the next copy
        long core = ByteBuffer.wrap(h).getLong();
        var k = s.counts();
        long opt = pack(k.registered()) | pack(k.ballotsCast()) << 21 | pack(k.blank()) << 42;
        return new CopyDigest(core, opt);
    }

    private static long pack(long v) {
        return v == SummaryCounts.ABSENT || v >= FIELD ? FIELD : v;
    }

    /** True when the copies agree on every field both carry. */
    public boolean agreesWith(CopyDigest o) {
        if (core != o.core) return false;
        for (int shift = 0; shift < 63; shift += 21) {
            long a = (optional >>> shift) & FIELD;
            long b = (o.optional >>> shift) & FIELD;
            if (a != FIELD && b != FIELD && a != b) return false;
        }
        return true;
    }
}
