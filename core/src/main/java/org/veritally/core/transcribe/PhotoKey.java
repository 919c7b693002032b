package org.veritally.core.transcribe;

/**
 * One photo as a campaign knows it: the original's SHA-256 as filed for one station by one source (the
 * same bytes filed for two stations are two photos to transcribe, EV-SAME). Immutable.
 */
public record PhotoKey(String sha256, String stationId, String sourceId) {
    @Override
    public String toString() {
        return sha256.substring(0, 12) + "…/" + stationId + "/" + sourceId;
    }
}
