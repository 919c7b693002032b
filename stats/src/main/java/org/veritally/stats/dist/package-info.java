/**
 * Distribution functions for p-values: log-gamma, regularized incomplete gamma and beta functions, and the
 * chi-squared, normal and binomial distributions built on them.
 *
 * <p>All written here from the textbook series and continued fractions (Numerical Recipes, 3rd ed., sections
 * 6.1, 6.2 and 6.4; Abramowitz &amp; Stegun 6.1.41, 6.5, 26.5), so that the statistics module stays JDK-only
 * and every p-value can be audited. Stateless and thread-safe.
 */
package org.veritally.stats.dist;
