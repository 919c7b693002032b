package org.veritally.stats.fingerprint;

/**
 * One non-empty cell of a {@link Fingerprint}: turnout in [turnoutLow, turnoutHigh), winner's share in
 * [shareLow, shareHigh) (the last bin of each axis includes 1).
 *
 * @param turnoutLow lower turnout bound, 0..1
 * @param turnoutHigh upper turnout bound, 0..1
 * @param shareLow lower share bound, 0..1
 * @param shareHigh upper share bound, 0..1
 * @param stations stations in the cell
 */
public record FingerprintCell(
        double turnoutLow, double turnoutHigh, double shareLow, double shareHigh, long stations) {}
