/**
 * NIST SP 1500-100 rev. 2 Election Results Reporting (the "ERR CDF", schemas in
 * shared/schemas/nist-1500-100-v2): a streaming writer of one report per view, in JSON ({@link
 * org.veritally.formats.nist.NistJsonSink}) and XML ({@link org.veritally.formats.nist.NistXmlSink}),
 * and a reader of the JSON form back into tally sheets ({@link
 * org.veritally.formats.nist.NistJsonSheets}). The mapping of Veritally's model onto the standard is
 * in docs/open-data.md §NIST; {@link org.veritally.formats.nist.NistIds} names every object. Only
 * the units are held in memory; counts are spilled to temporary files so that the standard's
 * selection-major nesting can be written from station-ordered rows.
 */
package org.veritally.formats.nist;
