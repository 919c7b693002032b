/**
 * A generated corpus of photos of tally sheets carrying QR codes, for the tests and the benchmark of
 * {@link org.veritally.image.qr.QrReader}: real payloads rendered as QR codes (error correction M) on a sheet
 * with printed text and a table, then photographed in simulation: turned, keystoned, blurred, unevenly lit,
 * noisy, saved as JPEG at quality 40. Every photo is a function of a seed and its index, so a failure can be
 * replayed alone; nothing is written to disk.
 *
 * <p>Not used by the application. Text is drawn with the JDK's logical fonts, so the pixels of the printed
 * text (not the codes) may differ between machines with different fonts.
 */
package org.veritally.image.qr.corpus;
