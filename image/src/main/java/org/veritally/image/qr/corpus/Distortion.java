package org.veritally.image.qr.corpus;

import java.util.Locale;
import java.util.Random;

/**
 * How one simulated photo departs from a flat scan: the parameters printed with every failure so that a
 * reader can judge whether the photo was fair.
 *
 * @param rotationDegrees the sheet turned in the frame, −20..20
 * @param keystone how much shorter the far edge is than the near one (a camera tilted towards the sheet),
 *     0..0.10
 * @param keystoneEdge which edge is far: 0 top, 1 right, 2 bottom, 3 left
 * @param fill how much of the frame the sheet's bounding box fills along its tighter side, 0.6..0.95
 * @param offsetX where the sheet sits in the horizontal slack, −1 (left) .. 1 (right)
 * @param offsetY where the sheet sits in the vertical slack, −1 (top) .. 1 (bottom)
 * @param blurSigma the Gaussian blur's sigma in pixels of a 2048-pixel-long photo (scaled with the photo)
 * @param lightDepth how much darker the dark end of the light gradient is, 0..0.5
 * @param lightAngleDegrees the direction in which the light falls off
 * @param noise the amplitude of the sensor noise, in levels of 255
 * @param colour whether the photo is colour (warm paper) or gray
 * @param landscape whether the camera was held sideways (a portrait sheet in a landscape frame)
 * @param jpegQuality the JPEG quality, 0..100
 */
public record Distortion(
        double rotationDegrees,
        double keystone,
        int keystoneEdge,
        double fill,
        double offsetX,
        double offsetY,
        double blurSigma,
        double lightDepth,
        double lightAngleDegrees,
        int noise,
        boolean colour,
        boolean landscape,
        int jpegQuality) {

    /**
     * A draw from the corpus's ranges: mild for a phone photo of a sheet on a table, never pristine. A
     * boletim, a long strip, is photographed upright; an acta sideways in three photos out of ten.
     */
    public static Distortion random(Random r, SheetKind kind) {
        return new Distortion(
                -20 + 40 * r.nextDouble(),
                0.10 * r.nextDouble(),
                r.nextInt(4),
                0.6 + 0.35 * r.nextDouble(),
                -1 + 2 * r.nextDouble(),
                -1 + 2 * r.nextDouble(),
                0.3 + 1.3 * r.nextDouble(),
                0.5 * r.nextDouble(),
                360 * r.nextDouble(),
                r.nextInt(9),
                r.nextBoolean(),
                kind == SheetKind.ACTA && r.nextInt(10) < 3,
                40);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "rotation %.1f°, keystone %.3f edge %d, fill %.2f, offset (%.2f, %.2f), blur σ %.2f,"
                        + " light −%.0f %% at %.0f°, noise ±%d, %s, %s, JPEG q%d",
                rotationDegrees,
                keystone,
                keystoneEdge,
                fill,
                offsetX,
                offsetY,
                blurSigma,
                100 * lightDepth,
                lightAngleDegrees,
                noise,
                colour ? "colour" : "gray",
                landscape ? "landscape" : "portrait",
                jpegQuality);
    }
}
