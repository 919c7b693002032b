/**
 * The store side of {@code veritally export}: {@link org.veritally.server.export.StoreExportData}
 * streams a consistent snapshot of the projections (SQLite or PostgreSQL) into the exporters of
 * {@code org.veritally.formats.export} and {@code org.veritally.formats.nist}, and {@link
 * org.veritally.server.export.SqliteSnapshot} writes the SQLite database itself without its private
 * tables. Neither writes to the data directory's database.
 */
package org.veritally.server.export;
