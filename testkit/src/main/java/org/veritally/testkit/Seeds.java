package org.veritally.testkit;

/**
 * The seeds of the tests' randomness. A test's seed is its fixed default, so every run of the
 * build draws the same numbers, unless {@code -Dveritally.seed=N} is given to replay a printed seed
 * or to explore others. Never the clock. Every seed used is printed as {@code seed=N}.
 */
public final class Seeds {
    /** The one system property that overrides every test's seed. */
    public static final String PROPERTY = "veritally.seed";

    private Seeds() {}

    /**
     * {@code -Dveritally.seed} if set, else {@code fixedDefault}; prints {@code seed=N} with {@code what} and how to
     * replay it.
     */
    public static long seed(String what, long fixedDefault) {
        String s = System.getProperty(PROPERTY);
        long seed = s == null || s.isBlank() ? fixedDefault : Long.parseLong(s.strip());
        System.out.println(what + " seed=" + seed + " (replay with -D" + PROPERTY + "=" + seed + ")");
        return seed;
    }
}
