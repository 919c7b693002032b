package org.veritally.image.qr;

import java.util.ArrayList;
import java.util.List;

/**
 * A part of a photo that one attempt looks at, in fractions of its width and height, so the same crop
 * applies at every scale. Cropping helps where the whole frame does not: the global-histogram binarizer
 * picks a better threshold for a corner than for the whole sheet, and the finder-pattern search meets less
 * printed text.
 *
 * @param name the crop's name in reports, such as {@code whole} or {@code bottom-right}
 */
public record Region(String name, double left, double top, double width, double height) {
    /** The whole frame. */
    public static final Region WHOLE = new Region("whole", 0, 0, 1, 1);

    public Region {
        if (left < 0 || top < 0 || width <= 0 || height <= 0 || left + width > 1.000001 || top + height > 1.000001) {
            throw new IllegalArgumentException("region " + name + " is not inside the frame");
        }
    }

    /**
     * The four corners, each 60 % of each side so that a code across a midline is whole in one of them. The
     * bottom right first: the Venezuelan acta prints its code there.
     */
    public static List<Region> corners() {
        double s = 0.6;
        return List.of(
                new Region("bottom-right", 1 - s, 1 - s, s, s),
                new Region("top-right", 1 - s, 0, s, s),
                new Region("bottom-left", 0, 1 - s, s, s),
                new Region("top-left", 0, 0, s, s));
    }

    /** Square-ish windows of {@code size} of each side, moved by half their size, row by row. */
    public static List<Region> slidingWindows(double size) {
        if (size <= 0 || size > 1) throw new IllegalArgumentException("window size " + size + " is not in (0, 1]");
        List<Region> out = new ArrayList<>();
        int steps = (int) Math.round((1 - size) / (size / 2));
        for (int row = 0; row <= steps; row++) {
            for (int col = 0; col <= steps; col++) {
                double l = Math.min(1 - size, col * size / 2);
                double t = Math.min(1 - size, row * size / 2);
                out.add(new Region("window(" + col + "," + row + ")", l, t, size, size));
            }
        }
        return out;
    }
}
