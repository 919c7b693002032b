/**
 * Photos and scans of tally sheets (evidence): what the bytes are, what their metadata says, the
 * public copy without metadata, a perceptual hash, and the QR codes in them. Adapters over
 * javax.imageio, ZXing and metadata-extractor; no storage, no log.
 */
package org.veritally.image;
