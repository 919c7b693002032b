/**
 * Reads the live state of an {@link org.veritally.server.Instance} into view models
 * ({@link org.veritally.web.model}). Every figure comes from the in-memory tabulation or the
 * store's current-sheet projection; nothing is cached across requests except the search index,
 * which is rebuilt whenever the catalogue grows.
 */
package org.veritally.web.query;
