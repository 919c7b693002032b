package org.veritally.core.evidence;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A photo or scan of a tally sheet (docs/evidence.md): the original's {@link Blob}, the public copy
 * re-encoded without metadata (absent where the policy publishes no rendering, e.g. a PDF), the
 * station (and contest where known) it shows, the source and the account that filed it, the capture
 * time from its EXIF where there was one (the rest of the EXIF, GPS and device, stays private with
 * the original), its perceptual hash, and what a machine read from it.
 */
public record Evidence(
        Blob original,
        Optional<Blob> publicCopy,
        String stationId,
        Optional<String> contestId,
        String sourceId,
        String account,
        Optional<String> captured,
        OptionalLong perceptualHash,
        List<MachineRead> reads) {
    public Evidence {
        reads = List.copyOf(reads);
    }
}
