/**
 * Checks on announced totals: round shares ({@code ST-ROUND}) and irreversibility ({@code ST-IRREV}).
 * Exact integer arithmetic wherever a yes/no answer depends on it. Stateless and thread-safe.
 */
package org.veritally.stats.announced;
