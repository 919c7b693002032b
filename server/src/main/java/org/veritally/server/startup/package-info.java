/**
 * How {@code serve} (any opening of a data directory) loads its in-memory state without a row per station
 * (issue 15): the newest as-of snapshot of the state ({@link org.veritally.server.asof.Snapshots}) over an
 * image of the catalogue ({@link org.veritally.server.startup.CatalogueImage}), both bound to the log's tree
 * and checked on load, then the entries after the snapshot replayed through the one rulebook; or, when either
 * is missing, too old or refused, the projections as before ({@link org.veritally.server.startup.StartState}).
 */
package org.veritally.server.startup;
