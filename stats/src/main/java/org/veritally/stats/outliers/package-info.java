/**
 * Station outlier rules: {@code ST-OUT-TURNOUT100}, {@code ST-OUT-TURNOUT95}, {@code ST-OUT-UNANIMOUS},
 * {@code ST-OUT-DUPVEC}, {@code ST-OUT-ZEROMAJOR} and {@code ST-OUT-NEIGHBOUR}.
 *
 * <p>Each flagged station is an {@link org.veritally.stats.outliers.Outlier} naming its rule, the observed
 * value, the threshold and a caveat. An outlier is a place to look at the tally sheet, never a finding by
 * itself. Stateless and thread-safe.
 */
package org.veritally.stats.outliers;
