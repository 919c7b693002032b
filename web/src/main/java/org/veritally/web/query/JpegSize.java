package org.veritally.web.query;

import java.util.Optional;

/**
 * The width and height of a JPEG from its frame header, without decoding a pixel: ITU-T T.81
 * §B.2.2 (the SOF<i>n</i> marker segment: precision, then height and width, two bytes each) reached
 * by walking the marker segments from SOI (§B.1.1.4: each segment's length counts its own two bytes).
 * The public copies of photos are JPEGs (docs/evidence.md), and the station page gives each image its
 * size so the page does not jump as images load. Stateless.
 */
final class JpegSize {
    private JpegSize() {}

    /** The size in pixels, as {width, height}; empty when the bytes are not a JPEG with a frame header. */
    static Optional<int[]> of(byte[] b) {
        if (b.length < 4 || u8(b, 0) != 0xFF || u8(b, 1) != 0xD8) return Optional.empty();
        int i = 2;
        while (i + 4 <= b.length) {
            if (u8(b, i) != 0xFF) return Optional.empty();
            int marker = u8(b, i + 1);
            if (marker == 0xFF) {
                i++; // fill byte (§B.1.1.2)
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) return Optional.empty(); // EOI or SOS before any frame
            int length = (u8(b, i + 2) << 8) | u8(b, i + 3);
            if (length < 2) return Optional.empty();
            if (isFrame(marker)) {
                if (i + 9 > b.length) return Optional.empty();
                int height = (u8(b, i + 5) << 8) | u8(b, i + 6);
                int width = (u8(b, i + 7) << 8) | u8(b, i + 8);
                return width > 0 && height > 0 ? Optional.of(new int[] {width, height}) : Optional.empty();
            }
            i += 2 + length;
        }
        return Optional.empty();
    }

    /** SOF0–SOF15, but not DHT (C4), JPG (C8) or DAC (CC), which share the range (Table B.1). */
    private static boolean isFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }
}
