/**
 * A seeded simulation study of every station-level forensic check: synthetic elections without manipulation
 * and with each kind of manipulation at several sizes ({@link org.veritally.stats.power.Manipulation}), and
 * for each check its false-alarm rate and detection rate ({@link org.veritally.stats.power.PowerStudy}). Pure
 * functions, no I/O; deterministic for a seed.
 */
package org.veritally.stats.power;
