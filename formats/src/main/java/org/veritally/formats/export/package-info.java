/**
 * Open-data exports (docs/open-data.md): the per-station and consensus CSVs and the
 * OpenElections-style precinct CSV, written from rows streamed by an {@link
 * org.veritally.formats.export.ExportData} port. This package does no database I/O: the store
 * adapter lives in {@code org.veritally.server.export}; the writers only turn rows into lines, so
 * an export of any size runs in memory bounded by the unit catalogue, not by the sheets.
 */
package org.veritally.formats.export;
