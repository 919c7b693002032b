/**
 * Reads the live state of an {@link org.veritally.server.Instance} into view models
 * ({@link org.veritally.web.model}). Every figure comes from the in-memory tabulation or the
 * store's current-sheet projection, or from the server's own use cases (discrepancies,
 * announcements, statistics); nothing is cached across requests except the search index, which is
 * rebuilt whenever the catalogue grows, and the forensic statistics ({@link
 * org.veritally.web.query.StatisticsQuery}), reused for up to 30 s while the log grows.
 */
package org.veritally.web.query;
