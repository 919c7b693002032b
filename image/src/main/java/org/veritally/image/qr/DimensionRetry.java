package org.veritally.image.qr;

import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GridSampler;
import com.google.zxing.common.PerspectiveTransform;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.detector.AlignmentPattern;
import com.google.zxing.qrcode.detector.Detector;
import java.util.Map;
import java.util.Optional;

/**
 * A second reading of a code whose three finder patterns were found but which did not decode, trying the
 * symbol sizes next to the estimated one. ZXing's detector estimates the size (4V + 17 modules for version V,
 * ISO/IEC 18004:2015 §5.3.1) once, from the finder patterns' distance over their apparent module size; on a
 * large code (version 15 and up, as the Brazilian boletins print), blur and JPEG make that estimate miss by
 * one version often enough to matter, and the grid is then sampled at the wrong pitch. This tries the
 * nearest versions, nearest first, each with the bottom-right alignment pattern (centre 6.5 modules in from
 * the far corner, §6.3.6) searched for again at that pitch. The Reed–Solomon check of the decoder rejects a
 * wrong size, so a wrong guess never yields a wrong payload.
 *
 * <p>One instance per bitmap; not thread-safe (ZXing's detector is not).
 */
final class DimensionRetry extends Detector {
    private static final int[] VERSION_STEPS = {0, -1, 1, -2, 2};

    DimensionRetry(BitMatrix image) {
        super(image);
    }

    /** The payload, if some nearby size decodes. */
    Optional<String> decode(Map<DecodeHintType, ?> hints) {
        ResultPoint[] points;
        try {
            // ZXing's own detection, for the finder centres it reports: bottom left, top left, top right.
            // It gives up (and so do we) when its estimate is 3 modules off a valid size.
            points = detect(hints).getPoints();
        } catch (ReaderException e) {
            return Optional.empty();
        }
        ResultPoint bl = points[0];
        ResultPoint tl = points[1];
        ResultPoint tr = points[2];
        float module = calculateModuleSize(tl, tr, bl);
        if (!(module >= 1)) return Optional.empty();
        double between = (ResultPoint.distance(tl, tr) + ResultPoint.distance(tl, bl)) / 2 / module;
        int estimated = (int) Math.round((between + 7 - 17) / 4);
        for (int step : VERSION_STEPS) {
            int version = estimated + step;
            if (version < 1 || version > 40) continue;
            try {
                BitMatrix bits = sample(tl, tr, bl, module, 17 + 4 * version);
                return Optional.of(new Decoder().decode(bits, hints).getText());
            } catch (ReaderException e) {
                // not this size
            }
        }
        return Optional.empty();
    }

    private BitMatrix sample(ResultPoint tl, ResultPoint tr, ResultPoint bl, float module, int dim)
            throws ReaderException {
        // finder centres sit 3.5 modules in from their corners; the fourth corner of the parallelogram
        float farX = tr.getX() - tl.getX() + bl.getX();
        float farY = tr.getY() - tl.getY() + bl.getY();
        float near = dim - 3.5f;
        float farModule = near;
        AlignmentPattern alignment = null;
        if (dim > 21) {
            float f = (dim - 10f) / (dim - 7f); // the alignment centre, dim - 6.5, along the diagonal
            int x = (int) (tl.getX() + f * (farX - tl.getX()));
            int y = (int) (tl.getY() + f * (farY - tl.getY()));
            for (int allowance = 4; allowance <= 16 && alignment == null; allowance *= 2) {
                try {
                    alignment = findAlignmentInRegion(module, x, y, allowance);
                } catch (ReaderException e) {
                    // widen the search
                }
            }
        }
        if (alignment != null) {
            farX = alignment.getX();
            farY = alignment.getY();
            farModule = dim - 6.5f;
        }
        PerspectiveTransform t = PerspectiveTransform.quadrilateralToQuadrilateral(
                3.5f, 3.5f, near, 3.5f, farModule, farModule, 3.5f, near, tl.getX(), tl.getY(), tr.getX(), tr.getY(),
                farX, farY, bl.getX(), bl.getY());
        return GridSampler.getInstance().sampleGrid(getImage(), dim, dim, t);
    }
}
