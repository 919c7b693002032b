/**
 * Pictures and peak counts over the whole set of stations: the election fingerprint ({@code ST-FP}, Klimek
 * et al. 2012) as bin counts and as an SVG string, and the integer-percentage peaks ({@code
 * ST-INTPCT-TURNOUT}, {@code ST-INTPCT-SHARE}, Kobak, Shpilkin &amp; Pshenichnikov 2016): stations within half a
 * ballot of a whole percentage ({@link org.veritally.stats.fingerprint.WholePercent}) against a seeded binomial
 * Monte Carlo, in total and per whole percentage. Pure functions, no I/O; stateless and thread-safe.
 */
package org.veritally.stats.fingerprint;
