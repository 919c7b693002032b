package org.veritally.web.model;

import java.util.Optional;

/** The public log as the site shows it: entries so far and the last signed checkpoint's size, when one exists. */
public record LogStatus(long size, Optional<Long> checkpointSize) {
    /** Whether entry {@code index} lies in the signed tree, so its inclusion proof can be served. */
    public boolean proven(long index) {
        return checkpointSize.isPresent() && index < checkpointSize.get();
    }
}
