/**
 * Digit tests on station-level vote counts: Mebane's second-digit Benford test ({@code ST-2BL}) and Beber
 * &amp; Scacco's last-digit tests ({@code ST-LD-UNIF}, {@code ST-LD-REPEAT}, {@code ST-LD-ADJ}).
 *
 * <p>Each test takes the raw counts ({@code long[]}) so that it can be checked against a naive reference,
 * and has a per-candidate convenience form. Results are immutable records carrying the rule, the scope (a
 * candidate id or {@code "all"}), the statistic, the p-value and the caveat. Stateless and thread-safe.
 */
package org.veritally.stats.digits;
