package org.veritally.image.qr;

import com.google.zxing.Binarizer;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;

/** How an attempt turns luminance into black and white: ZXing's two binarizers. */
public enum Binarization {
    /** A threshold per 8×8 block from its neighbourhood: survives uneven light; the first choice. */
    HYBRID,
    /** One threshold from the histogram of each row: better on small, blurred or low-contrast codes. */
    GLOBAL_HISTOGRAM;

    Binarizer over(LuminanceSource source) {
        return this == HYBRID ? new HybridBinarizer(source) : new GlobalHistogramBinarizer(source);
    }
}
