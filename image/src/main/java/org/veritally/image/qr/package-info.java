/**
 * Reading QR codes from photos of tally sheets. {@link org.veritally.image.qr.QrReader} takes the bytes of a
 * photo (or a decoded image) and returns the payloads it found, with the {@link org.veritally.image.qr.Attempt}
 * that found them, or that it found none: a photo without a readable code is an outcome, not an error. What
 * the payloads mean (a Venezuelan acta, a Brazilian boletim de urna) is decided elsewhere.
 *
 * <p>An adapter over ZXing and {@code javax.imageio}: no storage, no log, no printing.
 */
package org.veritally.image.qr;
