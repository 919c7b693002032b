package org.veritally.core.rulebook;

import java.util.Optional;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;

/**
 * LOG-SIZE: an entry of any kind is at most {@value #MAX} bytes in its canonical encoding, because a
 * C2SP tlog-tiles entry bundle prefixes each entry with a 2-byte length (docs/log-format.md §2).
 * Every intake path checks the bytes it is about to append (the rulebook decides over decoded
 * entries, which have no size); a replay checks the bytes it reads. Stateless.
 */
public final class EntrySize {
    /** The largest entry, in bytes. */
    public static final int MAX = 0xffff;

    private EntrySize() {}

    /** Whether {@code bytes} keep LOG-SIZE: then {@link #check} finds nothing (and no location need be built). */
    public static boolean fits(byte[] bytes) {
        return bytes.length <= MAX;
    }

    /** LOG-SIZE at {@code where} if {@code bytes} is longer than {@link #MAX}. */
    public static Optional<Problem> check(byte[] bytes, String where) {
        if (fits(bytes)) return Optional.empty();
        return Optional.of(Problem.mismatch(
                Rule.LOG_SIZE,
                where,
                "the entry is too large for a tlog-tiles entry bundle",
                "at most " + MAX + " bytes",
                bytes.length + " bytes"));
    }
}
