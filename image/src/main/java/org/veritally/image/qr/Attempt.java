package org.veritally.image.qr;

/**
 * One way of looking at a photo for QR codes. Attempts are tried in order until one finds a code.
 *
 * @param sourceSubsampling 1 when the photo was decoded at full resolution, 2 when every second pixel of
 *     every second row was decoded (a 12 MP JPEG read as 3 MP), and so on; 1 for an image given decoded
 * @param scalePercent 100, 50 or 25: the decoded image, or it halved once or twice with a 2×2 box filter
 * @param rotationDegrees 0, 90, 180 or 270, clockwise
 * @param binarization the binarizer
 * @param region the part of the (scaled, turned) image looked at
 */
public record Attempt(
        int sourceSubsampling, int scalePercent, int rotationDegrees, Binarization binarization, Region region) {
    public Attempt {
        if (sourceSubsampling < 1) throw new IllegalArgumentException("subsampling must be at least 1");
        if (scalePercent != 100 && scalePercent != 50 && scalePercent != 25) {
            throw new IllegalArgumentException("scale must be 100, 50 or 25 %, not " + scalePercent);
        }
        if (rotationDegrees % 90 != 0 || rotationDegrees < 0 || rotationDegrees >= 360) {
            throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270, not " + rotationDegrees);
        }
    }

    /** The same attempt on a photo decoded with {@code subsampling}. */
    Attempt at(int subsampling) {
        return new Attempt(subsampling, scalePercent, rotationDegrees, binarization, region);
    }

    /** For reports: {@code 1/2 source, 50 %, 0°, HYBRID, whole}. */
    @Override
    public String toString() {
        return "1/" + sourceSubsampling + " source, " + scalePercent + " %, " + rotationDegrees + "°, " + binarization
                + ", " + region.name();
    }
}
