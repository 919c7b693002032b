/**
 * Risk-limiting audits ({@code ST-RLA-MACRO}, {@code ST-RLA-STRATA}, {@code ST-RLA-BRAVO}): the statistics only,
 * pure and JDK-only, in core because the rulebook recomputes every audit round with them (AUD-ROUND, {@code
 * org.veritally.core.rulebook.AuditRecompute}).
 *
 * <ul>
 *   <li>{@link org.veritally.core.audit.risk.Macro}: batch comparison with polling stations as batches, the MACRO
 *       error bounds and discrepancies (Stark 2008, "A sharper discrepancy measure for post-election audits",
 *       Ann. Appl. Stat. 2(3)); {@link org.veritally.core.audit.risk.KaplanMarkov}: the Kaplan–Markov p-value over
 *       a PPEB sample (Stark 2009, "Risk-limiting post-election audits: P-values from common probability
 *       inequalities", IEEE TIFS 4(4); Stark 2009, "Efficient post-election audits of multiple contests:
 *       2009 California tests").
 *   <li>{@link org.veritally.core.audit.risk.StratifiedBatchComparisonAudit}: MACRO with the sample stratified by
 *       jurisdiction, the draws shared by {@link org.veritally.core.audit.risk.StratifiedAllocation} (D'Hondt)
 *       and the risk of {@link org.veritally.core.audit.risk.StratifiedKaplanMarkov} (Stark 2008, "Conservative
 *       statistical post-election audits"; Spertus &amp; Stark 2022, "Sweeter than SUITE").
 *   <li>{@link org.veritally.core.audit.risk.Bravo}: ballot polling (Lindeman, Stark &amp; Yates 2012, "BRAVO:
 *       Ballot-polling risk-limiting audits to verify outcomes", EVT/WOTE '12), with its average sample number.
 *   <li>{@link org.veritally.core.audit.risk.AuditSampler}: the draws, with replacement, from the public
 *       SHA-256(seed "," j) stream of Rivest's sampler, so that any later round extends the same sequence.
 *   <li>{@link org.veritally.core.audit.risk.BatchComparisonAudit} and {@link
 *       org.veritally.core.audit.risk.BallotPollingAudit}: one audit's rounds, its risk after each and the decision
 *       (stop, another round, full hand count). A sampled station or ballot with no hand count counts as the
 *       worst case (Bañuelos &amp; Stark 2012, "Limiting risk by turning manifest phantoms into evil zombies").
 * </ul>
 *
 * <p>Everything here is immutable and thread-safe. See docs/audit.md.
 */
package org.veritally.core.audit.risk;
