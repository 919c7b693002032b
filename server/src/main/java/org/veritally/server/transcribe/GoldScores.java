package org.veritally.server.transcribe;

import java.util.HashMap;
import java.util.Map;

/**
 * Each account's answers to gold tasks (photos whose figures the campaign knows): how many it did and
 * how many matched, and whether that is under the campaign's threshold once it did enough of them.
 * Thread-safe (synchronized).
 */
final class GoldScores {
    private final Map<String, int[]> byAccount = new HashMap<>();

    /** Records one answer; returns the account's [done, matched]. */
    synchronized int[] record(String account, boolean matched) {
        int[] s = byAccount.computeIfAbsent(account, k -> new int[2]);
        s[0]++;
        if (matched) s[1]++;
        return s.clone();
    }

    /** Forgets {@code account}'s answers (its pause was lifted: it starts afresh). */
    synchronized void reset(String account) {
        byAccount.remove(account);
    }

    synchronized int[] of(String account) {
        return byAccount.getOrDefault(account, new int[2]).clone();
    }

    synchronized Map<String, int[]> all() {
        Map<String, int[]> out = new HashMap<>();
        byAccount.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    /** Whether {@code s} (done, matched) is under {@code percent} after at least {@code minimum} answers. */
    static boolean under(int[] s, int minimum, int percent) {
        return s[0] >= minimum && s[1] * 100L < (long) percent * s[0];
    }
}
