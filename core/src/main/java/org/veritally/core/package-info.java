/**
 * Veritally's pure domain core: the election model, the tally-sheet validation rules and the live
 * tabulation. No I/O, no framework; see DESIGN.md "Pure core, adapters at the edge".
 */
package org.veritally.core;
