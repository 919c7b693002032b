/**
 * The offline verifier and its companions: {@link org.veritally.verify.Verifier} (checks {@code
 * VFY-SIG} to {@code VFY-TOTALS} over a published log), {@link org.veritally.verify.ReceiptCheck}
 * ({@code RCPT-*}), {@link org.veritally.verify.Watcher} (follows a log's checkpoints) and {@link
 * org.veritally.verify.Cosigner} (a witness). Every check ID is listed in {@link
 * org.veritally.verify.Check}; docs/verify.md explains each.
 *
 * <p>This package reads the log only through the {@link org.veritally.verify.PublishedLog} port and
 * does no I/O of its own; the adapters (a directory, an HTTP URL, state files) live in {@code
 * org.veritally.verify.io}. The module uses {@code core}, {@code translog} and {@code formats}
 * only, never the store or the server (enforced by {@code VerifyDependenciesTest}), so that the
 * verifier stays small enough to audit.
 */
package org.veritally.verify;
