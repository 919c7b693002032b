package org.veritally.stats.quickcount;

import java.util.Objects;

/**
 * One station of the sampling frame: its id and its stratum.
 *
 * @param stationId the station id, unique in the frame
 * @param stratum the stratum (for example the state)
 */
public record FrameStation(String stationId, String stratum) {

    /** @throws NullPointerException if an argument is null */
    public FrameStation {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(stratum, "stratum");
    }
}
