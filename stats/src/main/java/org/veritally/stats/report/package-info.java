/**
 * One call that runs every station-level forensic check over a set of stations ({@link
 * org.veritally.stats.report.Forensics}), for the server, the CLI and the benchmarks. Stateless and
 * thread-safe.
 */
package org.veritally.stats.report;
