/** Veritally translog module. */
package org.veritally.translog;
