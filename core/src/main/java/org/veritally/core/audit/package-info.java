/**
 * Risk-limiting audits in the log (issue 19, docs/audit.md): an audit's definition (contest, view, risk limit,
 * method, the commitment to its seed), the reveal of the seed, and the audit boards' hand counts, as the
 * records of {@link org.veritally.core.entry.AuditEntry}. What they mean is decided by the rulebook ({@code
 * AUD-*}, {@link org.veritally.core.rulebook.AuditRule}); the sample and the risk are the statistics of {@code
 * org.veritally.core.audit.risk}, recomputed by the rulebook for every {@code audit-round} (AUD-ROUND). Pure and
 * immutable.
 */
package org.veritally.core.audit;
