/**
 * Quick count / parallel vote tabulation ({@code ST-QC}, {@code ST-QC-SIZE}): a reproducible SHA-256
 * consistent sampler (Rivest 2018), the sample-size calculator of the NDI handbook, and an incremental
 * stratified ratio estimator with standard errors (Cochran 1977, ch. 5 and 6).
 *
 * <p>Everything but {@link org.veritally.stats.quickcount.QuickCount} (a mutable accumulator, confined to
 * one thread) is immutable and thread-safe.
 */
package org.veritally.stats.quickcount;
