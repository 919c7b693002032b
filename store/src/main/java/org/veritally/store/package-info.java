/** Veritally store module. */
package org.veritally.store;
