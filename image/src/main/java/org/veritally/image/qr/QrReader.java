package org.veritally.image.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the QR codes in a photo of a tally sheet: makes the attempts of an {@link AttemptPlan} in order and
 * stops at the first that reads at least one code, or, when a payload announces several parts (a boletim's
 * {@code QRBU:i:n}), once every announced part is read; if the attempts run out first, the parts read are
 * returned. Each attempt runs ZXing's multi-code QR reader (a
 * Brazilian boletim de urna may print several codes on one sheet) and, when that finds nothing, the
 * single-code reader, whose detector is more forgiving, and then the single-code reader again at the
 * neighbouring symbol sizes ({@link DimensionRetry}); all with {@code TRY_HARDER}, restricted to QR.
 *
 * <p>Pure: bytes or an image in, a {@link QrRead} out; no I/O, no state between calls. Thread-safe: ZXing's
 * readers are made per call.
 */
public final class QrReader {
    private static final Map<DecodeHintType, Object> HINTS = hints();

    private final AttemptPlan plan;

    /** A reader with the {@link AttemptPlan#standard() standard} plan. */
    public QrReader() {
        this(AttemptPlan.standard());
    }

    public QrReader(AttemptPlan plan) {
        this.plan = plan;
    }

    /**
     * Reads the photo in {@code photo}: decoded subsampled to about {@link PhotoDecoder#WORKING_LONG_SIDE}
     * pixels first, then, if no attempt reads a code there, at full resolution.
     */
    public QrRead read(byte[] photo) {
        PhotoDecoder.Decoded first;
        try {
            first = PhotoDecoder.decode(photo, 0);
        } catch (IOException e) {
            return new QrRead.Undecodable(e.getMessage());
        }
        Progress progress = new Progress();
        if (run(first.image(), first.subsampling(), plan.attempts(), progress)
                || first.subsampling() == 1
                || plan.fullResolution().isEmpty()) {
            return progress.outcome();
        }
        try {
            PhotoDecoder.Decoded full = PhotoDecoder.decode(photo, 1);
            run(full.image(), 1, plan.fullResolution(), progress);
            return progress.outcome();
        } catch (IOException e) {
            return new QrRead.Undecodable(e.getMessage());
        }
    }

    /** Reads an image already decoded. */
    public QrRead read(BufferedImage image) {
        return read(GrayImage.of(image));
    }

    /** Reads a luminance image. */
    public QrRead read(GrayImage image) {
        Progress progress = new Progress();
        run(image, 1, plan.attempts(), progress);
        return progress.outcome();
    }

    /** The codes read so far, by which attempt the last new one was read, and how many attempts were made. */
    private static final class Progress {
        final Set<String> payloads = new LinkedHashSet<>();
        Attempt lastNew;
        int made;

        boolean complete() {
            return !payloads.isEmpty() && payloads.size() >= SheetParts.announced(payloads);
        }

        QrRead outcome() {
            return payloads.isEmpty()
                    ? new QrRead.NoneFound(made)
                    : new QrRead.Found(new ArrayList<>(payloads), lastNew, made);
        }
    }

    /**
     * Makes {@code attempts} in order until the codes read are complete (at least one, and as many as their
     * payloads announce); true when they are.
     */
    private static boolean run(GrayImage image, int subsampling, List<Attempt> attempts, Progress progress) {
        Map<Integer, GrayImage> views = new HashMap<>();
        for (Attempt a : attempts) {
            progress.made++;
            int key = a.scalePercent() * 1000 + a.rotationDegrees();
            GrayImage view = views.get(key);
            if (view == null) {
                view = view(image, a, views);
                views.put(key, view);
            }
            Optional<List<String>> payloads = attempt(view, a);
            if (payloads.isPresent() && progress.payloads.addAll(payloads.get())) progress.lastNew = a.at(subsampling);
            if (progress.complete()) return true;
        }
        return false;
    }

    /** The image scaled and turned as {@code a} says, reusing the unturned scaled image when there is one. */
    private static GrayImage view(GrayImage image, Attempt a, Map<Integer, GrayImage> views) {
        GrayImage scaled = views.get(a.scalePercent() * 1000);
        if (scaled == null) {
            scaled = image;
            for (int s = 100; s > a.scalePercent(); s /= 2) scaled = scaled.halved();
            if (a.rotationDegrees() != 0) views.put(a.scalePercent() * 1000, scaled);
        }
        return scaled.rotated(a.rotationDegrees());
    }

    private static Optional<List<String>> attempt(GrayImage view, Attempt a) {
        BinaryBitmap bitmap = new BinaryBitmap(a.binarization().over(view.luminance(a.region())));
        Set<String> found = new LinkedHashSet<>();
        try {
            for (Result r : new QRCodeMultiReader().decodeMultiple(bitmap, HINTS)) found.add(r.getText());
        } catch (ReaderException e) {
            // nothing found by the multi-code detector; the single-code one below tries harder
        }
        if (found.isEmpty()) {
            try {
                found.add(new QRCodeReader().decode(bitmap, HINTS).getText());
            } catch (ReaderException e) {
                try {
                    new DimensionRetry(bitmap.getBlackMatrix()).decode(HINTS).ifPresent(found::add);
                } catch (ReaderException notFound) {
                    return Optional.empty();
                }
            }
        }
        if (found.isEmpty()) return Optional.empty();
        return Optional.of(new ArrayList<>(found));
    }

    private static Map<DecodeHintType, Object> hints() {
        Map<DecodeHintType, Object> h = new EnumMap<>(DecodeHintType.class);
        h.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        h.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        return Map.copyOf(h);
    }
}
