/**
 * Evidence intake: a photo or scan of a tally sheet is examined (image), its original and public copy
 * stored in the blob store, and its entry recorded through the rulebook, in that order.
 */
package org.veritally.server.evidence;
