/** Veritally formats module. */
package org.veritally.formats;
