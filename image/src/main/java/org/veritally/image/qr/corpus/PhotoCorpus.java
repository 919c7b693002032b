package org.veritally.image.qr.corpus;

import java.util.List;
import java.util.Random;

/**
 * A numbered, reproducible series of simulated photos: photo {@code i} shows the sheet
 * {@code sheets[i mod n]} under a {@link Distortion} drawn from a generator seeded by the corpus seed and
 * {@code i} alone, so any photo can be made again without the ones before it, in any order, on any thread.
 * Immutable; thread-safe.
 */
public final class PhotoCorpus {
    private final List<List<String>> sheets;
    private final long seed;

    /**
     * @param sheets the payloads of each sheet (one or more codes per sheet)
     * @param seed the corpus seed, from {@code Seeds.seed} in tests
     */
    public PhotoCorpus(List<List<String>> sheets, long seed) {
        if (sheets.isEmpty()) throw new IllegalArgumentException("a corpus needs at least one sheet");
        this.sheets = List.copyOf(sheets);
        this.seed = seed;
    }

    /**
     * A photo: what it carries and how it was taken.
     *
     * @param index its number in the corpus
     * @param payloads the payloads printed on the sheet
     * @param distortion how it was photographed
     * @param jpeg the photo
     */
    public record Photo(int index, List<String> payloads, Distortion distortion, byte[] jpeg) {}

    /** Photo {@code index}, {@code longSide}×{@code shortSide} pixels (4000×3000 is a 12 MP phone photo). */
    public Photo photo(int index, int longSide, int shortSide) {
        Random random = new Random(mix(seed ^ mix(index + 0x9E3779B97F4A7C15L)));
        List<String> payloads = sheets.get(index % sheets.size());
        Distortion d = Distortion.random(random, SheetKind.of(payloads.get(0)));
        return new Photo(index, payloads, d, PhotoSimulator.photograph(payloads, d, longSide, shortSide, random));
    }

    /**
     * SplitMix64's finaliser: neighbouring indices give unrelated seeds (the first draws of
     * {@link Random}s seeded n and n + 1 are nearly equal).
     */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long seed() {
        return seed;
    }
}
