/**
 * Storage adapters behind one {@link org.veritally.store.Store}: a SQLite file (the embedded
 * default) or a PostgreSQL database shared by several instances, with versioned migrations and one
 * SQL text for both ({@link org.veritally.store.Dialect} keeps what differs). The log tables are
 * append-only, enforced by triggers; the other tables are projections, except the accounts and the
 * {@link org.veritally.store.Submissions submission queue}. A write that meets a full disk is
 * refused as {@link org.veritally.store.DiskFull STORE-FULL} and leaves nothing behind; the files
 * of the data directory are written {@link org.veritally.store.WholeFile whole or not at all}.
 */
package org.veritally.store;
