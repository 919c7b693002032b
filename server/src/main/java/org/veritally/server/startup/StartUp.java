package org.veritally.server.startup;

/**
 * How the in-memory state of an opened data directory was loaded (issue 15): from a snapshot of the state and
 * the catalogue image, with the entries after it replayed, or from the projections, and why.
 *
 * @param from where the state came from
 * @param snapshotSize the log size of the snapshot restored, or -1 (from the projections)
 * @param replayed how many entries were replayed after the snapshot (0 from the projections)
 * @param imageCurrent whether the catalogue image on disk covers the catalogue loaded (else it is written again)
 * @param note why the projections were used, or how the snapshot was used, for the log and {@code /readyz}
 */
public record StartUp(From from, long snapshotSize, long replayed, boolean imageCurrent, String note) {
    /** The two ways in. */
    public enum From {
        SNAPSHOT,
        PROJECTIONS
    }

    static StartUp projections(String why, boolean imageCurrent) {
        return new StartUp(From.PROJECTIONS, -1, 0, imageCurrent, "loaded from the projections: " + why);
    }

    static StartUp snapshot(long size, long replayed, boolean imageCurrent, String also) {
        return new StartUp(
                From.SNAPSHOT,
                size,
                replayed,
                imageCurrent,
                "loaded from the snapshot of log size " + size + " and " + replayed + " entries replayed after it"
                        + also);
    }
}
