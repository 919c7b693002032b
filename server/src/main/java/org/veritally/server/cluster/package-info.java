/**
 * Several {@code serve} instances on one PostgreSQL database. Exactly one of them, the holder of
 * the sequencer's advisory lock, writes the log; the others queue the writes they receive (sheets,
 * announcements, key registrations) in the database ({@link org.veritally.store.Submissions}) and
 * follow the log into memory. If the sequencer's process dies, its database session ends, the lock
 * is free, and another instance takes it over, catches up with the log and carries on. See {@link
 * org.veritally.server.cluster.ClusterNode}.
 */
package org.veritally.server.cluster;
