package org.veritally.image.qr;

import static org.veritally.image.qr.Binarization.GLOBAL_HISTOGRAM;
import static org.veritally.image.qr.Binarization.HYBRID;

import java.util.ArrayList;
import java.util.List;

/**
 * The attempts a {@link QrReader} makes, cheapest and most often successful first, so that the common photo
 * reads in one attempt and only a hard one pays for the crop search.
 *
 * <p>{@link #attempts()} run on the photo as first decoded (a large JPEG subsampled to about 3 MP);
 * {@link #fullResolution()} run afterwards on the full-resolution decode, only when the photo was subsampled
 * and nothing was found. Their {@link Attempt#sourceSubsampling()} is filled in by the reader.
 */
public record AttemptPlan(List<Attempt> attempts, List<Attempt> fullResolution) {
    public AttemptPlan {
        attempts = List.copyOf(attempts);
        fullResolution = List.copyOf(fullResolution);
        if (attempts.isEmpty()) throw new IllegalArgumentException("a plan needs at least one attempt");
    }

    /**
     * The standard order:
     *
     * <ol>
     *   <li>the whole frame, hybrid binarizer, at 100 %, then at 50 % (the scale that rescued many unreadable
     *       Venezuelan photos in 2024), then 25 %;
     *   <li>the same three with the global-histogram binarizer;
     *   <li>the four corners at 100 %, each binarizer;
     *   <li>a sliding window of 40 % of each side at 100 %, hybrid;
     *   <li>the frame turned 90°, 180° and 270°, at 100 % and 50 %, hybrid (the QR detector finds codes at any
     *       angle, so these rarely help; they are last);
     * </ol>
     *
     * and, on a subsampled photo's full-resolution decode, the whole frame with each binarizer and the four
     * corners with the hybrid one.
     */
    public static AttemptPlan standard() {
        List<Attempt> first = new ArrayList<>();
        for (Binarization b : List.of(HYBRID, GLOBAL_HISTOGRAM)) {
            for (int scale : new int[] {100, 50, 25}) first.add(new Attempt(1, scale, 0, b, Region.WHOLE));
        }
        for (Binarization b : List.of(HYBRID, GLOBAL_HISTOGRAM)) {
            for (Region r : Region.corners()) first.add(new Attempt(1, 100, 0, b, r));
        }
        for (Region r : Region.slidingWindows(0.4)) first.add(new Attempt(1, 100, 0, HYBRID, r));
        for (int rotation : new int[] {90, 180, 270}) {
            for (int scale : new int[] {100, 50}) first.add(new Attempt(1, scale, rotation, HYBRID, Region.WHOLE));
        }
        List<Attempt> full = new ArrayList<>();
        full.add(new Attempt(1, 100, 0, HYBRID, Region.WHOLE));
        full.add(new Attempt(1, 100, 0, GLOBAL_HISTOGRAM, Region.WHOLE));
        for (Region r : Region.corners()) full.add(new Attempt(1, 100, 0, HYBRID, r));
        return new AttemptPlan(first, full);
    }

    /**
     * The quick plan for a photo filed online, where the witness waits for the receipt: the whole frame as first
     * decoded, with each binarizer at 100 % and 50 %; no crops, turns or full-resolution decode. A photo with
     * no code costs 4 attempts instead of {@link #standard()}'s 31 or so; most photos with a code read in the
     * first (docs/evidence.md, "Reading QR codes from photos").
     */
    public static AttemptPlan quick() {
        List<Attempt> first = new ArrayList<>();
        for (Binarization b : List.of(HYBRID, GLOBAL_HISTOGRAM)) {
            for (int scale : new int[] {100, 50}) first.add(new Attempt(1, scale, 0, b, Region.WHOLE));
        }
        return new AttemptPlan(first, List.of());
    }

    /** Only the first attempt of the standard plan: the cheapest, for measuring. */
    public static AttemptPlan firstOnly() {
        return new AttemptPlan(List.of(standard().attempts().get(0)), List.of());
    }

    /** How many attempts a photo with no readable code costs: every one. */
    public int size(boolean subsampled) {
        return attempts.size() + (subsampled ? fullResolution.size() : 0);
    }
}
