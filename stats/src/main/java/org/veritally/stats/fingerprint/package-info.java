/**
 * Pictures and peak counts over the whole set of stations: the election fingerprint ({@code ST-FP}, Klimek
 * et al. 2012) as bin counts and as an SVG string, and the integer-percentage peaks ({@code
 * ST-INTPCT-TURNOUT}, {@code ST-INTPCT-SHARE}, Kobak, Shpilkin &amp; Pshenichnikov 2016). Pure functions,
 * no I/O; stateless and thread-safe.
 */
package org.veritally.stats.fingerprint;
