/**
 * Storage adapters: the SQLite file (embedded default) behind one {@link org.veritally.store.Store},
 * with versioned migrations. The log tables are append-only, enforced by triggers; the other tables
 * are projections.
 */
package org.veritally.store;
