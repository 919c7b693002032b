package org.veritally.app;

import java.time.Instant;
import org.veritally.server.asof.AsOf;

/** The line that tells a CLI reader an answer is as of an earlier log size, and which checkpoint it rests on. */
final class AsOfNote {
    private AsOfNote() {}

    static String line(AsOf a, long latest) {
        String cp = a.checkpoint()
                .map(c -> (a.exact() ? "checkpoint " : "within checkpoint ") + c.treeSize() + " signed "
                        + Instant.ofEpochMilli(c.createdMs()))
                .orElse("no checkpoint signed yet at or above this size");
        return "note: as of log size " + a.size() + " (root " + a.rootHex() + "; " + cp + "), not the latest (" + latest
                + ")";
    }
}
