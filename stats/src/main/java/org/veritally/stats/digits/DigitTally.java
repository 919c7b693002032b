package org.veritally.stats.digits;

/**
 * One pass of the last-digit tests over a stream of counts: last digits of counts at or above the minimum,
 * and repeated / adjacent last-two-digit pairs of counts at or above max(10, minimum). Mutable; confined
 * to the method that creates it.
 */
final class DigitTally {
    final long minCount;
    final long pairMin;
    final long[] lastDigits = new long[10];
    long seen;
    long tested;
    long pairs;
    long repeats;
    long adjacent;

    DigitTally(long minCount) {
        this.minCount = minCount;
        this.pairMin = Math.max(10, minCount);
    }

    void add(long c) {
        seen++;
        if (c < minCount) {
            return;
        }
        tested++;
        int last = (int) (c % 10);
        lastDigits[last]++;
        if (c >= pairMin) {
            int tens = (int) (c / 10 % 10);
            pairs++;
            if (last == tens) {
                repeats++;
            } else {
                int diff = Math.abs(last - tens);
                if (diff == 1 || diff == 9) {
                    adjacent++;
                }
            }
        }
    }

    static DigitTally of(long[] counts, long minCount) {
        DigitTally t = new DigitTally(minCount);
        for (long c : counts) {
            t.add(c);
        }
        return t;
    }
}
