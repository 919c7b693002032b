/**
 * Statistics for observers: election forensics, quick counts, round-share and irreversibility checks.
 *
 * <p>Everything here is a pure function of its arguments: JDK only, no I/O, no clocks, no global state.
 * Randomness is always seeded ({@link java.util.SplittableRandom}) and the seed is reported in the result.
 * Inputs are this package's own small records ({@link org.veritally.stats.StationCounts}, {@link
 * org.veritally.stats.CandidateSet}); adapting the domain model to them is the caller's job.
 *
 * <p>Every check has a stable {@link org.veritally.stats.RuleId} (for example {@code ST-2BL}) that appears
 * in its Javadoc, in its result and in the name of its test, and every result carries a plain-language
 * caveat. None of these tests proves fraud: each one says where a human should look.
 *
 * <p>Sub-packages: {@code dist} (distribution functions), {@code digits} (2BL and last-digit tests), {@code
 * fingerprint} (election fingerprint, integer-percentage peaks), {@code outliers} (station outlier rules),
 * {@code announced} (round shares and irreversibility of announced totals), {@code quickcount} (sampling,
 * estimation and sample size for a quick count / PVT).
 */
package org.veritally.stats;
