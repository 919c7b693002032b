/** Veritally stats module. */
package org.veritally.stats;
