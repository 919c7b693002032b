/**
 * The election as it stood at an earlier log size (issue 18): {@link org.veritally.server.asof.StatesAsOf}
 * replays a prefix of the log through the server's own replay ({@link org.veritally.server.intake.ReplayLog},
 * the one rulebook) into a fresh in-memory state, caches recent ones, and names the signed checkpoint the
 * answer rests on, starting from the nearest {@link org.veritally.server.asof.Snapshots snapshot}, read in place
 * ({@link org.veritally.server.asof.MappedSnapshot}); {@link org.veritally.server.asof.DiffCheckpoints} says what
 * changed between two sizes.
 */
package org.veritally.server.asof;
