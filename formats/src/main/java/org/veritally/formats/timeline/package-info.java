/**
 * The reporting timeline (docs/timeline.md): how the stations reporting, each choice's votes and the
 * sheets of each source grew along the log, computed in one pass over the log in index order through
 * the one {@link org.veritally.core.rulebook.Rulebook} ({@link org.veritally.formats.replay.LogReplay}),
 * sampled at a bounded number of log sizes. Pure: no I/O, no clock; wall-clock times come from the
 * caller (the signed checkpoints' times).
 */
package org.veritally.formats.timeline;
