package org.veritally.web.model;

import java.util.List;

/**
 * A station: where it is, its registered voters, and every source's copy of each contest's sheet.
 * {@code view} is the default view, used to link back up to the units above it; {@code log} says
 * which entries a signed checkpoint covers already (their inclusion proofs can be served); {@code
 * photos} the photos of its sheets filed as evidence, in log order.
 */
public record StationPage(
        ElectionInfo election,
        List<Crumb> ancestry,
        String view,
        String stationId,
        String name,
        long registered,
        List<ContestCopies> contests,
        LogStatus log,
        List<StationPhoto> photos) {
    public StationPage {
        ancestry = List.copyOf(ancestry);
        contests = List.copyOf(contests);
        photos = List.copyOf(photos);
    }

    /** A station with no photos. */
    public StationPage(
            ElectionInfo election,
            List<Crumb> ancestry,
            String view,
            String stationId,
            String name,
            long registered,
            List<ContestCopies> contests,
            LogStatus log) {
        this(election, ancestry, view, stationId, name, registered, contests, log, List.of());
    }
}
