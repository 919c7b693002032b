package org.veritally.stats.quickcount;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Proportional allocation of a sample across strata, n_h = n N_h / N, rounded by the largest-remainder
 * (Hamilton) method: every stratum gets the floor of its quota, and the strata with the largest remainders
 * (ties by stratum name) get one more until the total is n (Cochran 1977, section 5.5). Exact integer
 * arithmetic. Note the Alabama paradox: raising n can lower one stratum's share. Stateless and thread-safe.
 */
public final class ProportionalAllocation {
    private ProportionalAllocation() {}

    /**
     * Allocates {@code n} across {@code populations} (stratum name to N_h), in the map's iteration order.
     *
     * @throws IllegalArgumentException if n &lt; 0, n exceeds the population, or a stratum is empty
     */
    public static Map<String, Integer> allocate(Map<String, Long> populations, int n) {
        long total = 0;
        for (long p : populations.values()) {
            if (p <= 0) {
                throw new IllegalArgumentException("empty stratum");
            }
            total += p;
        }
        if (n < 0 || n > total) {
            throw new IllegalArgumentException("sample size must be 0.." + total + ", got " + n);
        }
        Map<String, Integer> alloc = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(populations.keySet());
        Map<String, Long> remainders = new LinkedHashMap<>();
        int given = 0;
        for (String name : names) {
            long quotaNumerator = Math.multiplyExact((long) n, populations.get(name));
            alloc.put(name, (int) (quotaNumerator / total));
            remainders.put(name, quotaNumerator % total);
            given += (int) (quotaNumerator / total);
        }
        names.sort(Comparator.<String>comparingLong(remainders::get).reversed().thenComparing(s -> s));
        for (int i = 0; given < n; i++, given++) {
            alloc.merge(names.get(i), 1, Integer::sum);
        }
        return alloc;
    }
}
