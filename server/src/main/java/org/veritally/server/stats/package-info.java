/**
 * The statistics of issue 6 over a data directory: adapters from the store and the catalogue to the
 * {@code stats} module's inputs ({@link org.veritally.server.stats.StationCountsReader}), use cases that
 * return the {@code stats} module's result records ({@link org.veritally.server.stats.ReadForensics},
 * {@link org.veritally.server.stats.ReadQuickCount}, {@link org.veritally.server.stats.ReadIrreversibility}),
 * their JSON shape ({@link org.veritally.server.stats.StatsJson}) and their HTTP routes under {@code
 * /api/stats/} ({@link org.veritally.server.stats.StatsRoutes}). See {@code docs/statistics.md}.
 *
 * <p>The statistics themselves stay pure in the {@code stats} module; this package only reads and adapts.
 * Rule IDs: {@code ST-*} from {@link org.veritally.stats.RuleId}, plus {@code ST-PARAM} (a bad parameter,
 * HTTP 400 / exit 2) and {@code ST-NODATA} (no sheet for the view yet, HTTP 404 / exit 2).
 */
package org.veritally.server.stats;
