/**
 * The store side of {@code veritally export}: {@link org.veritally.server.export.StoreExportData}
 * streams a consistent snapshot of the SQLite projections into the exporters of {@code
 * org.veritally.formats.export} and {@code org.veritally.formats.nist}, and {@link
 * org.veritally.server.export.SqliteSnapshot} writes the database itself without its private
 * tables. Both open their own connection and never write to the data directory's database.
 */
package org.veritally.server.export;
