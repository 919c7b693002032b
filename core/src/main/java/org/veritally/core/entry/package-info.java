/** Log entries: the records the log holds, one sealed family. */
package org.veritally.core.entry;
