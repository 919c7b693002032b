package org.veritally.web.model;

import java.util.List;
import java.util.Optional;

/**
 * What can be downloaded now: the SQLite file (its size, when present) and the log's size; on a
 * static mirror, also the mirror's own files (exports, results, manifest, checkpoint) and the tree
 * size of the checkpoint they were made at.
 */
public record DownloadsPage(
        ElectionInfo election, Optional<Long> databaseBytes, List<MirrorFile> files, long checkpointSize) {
    public DownloadsPage {
        files = List.copyOf(files);
    }

    /** The live site's page: no mirror files. */
    public DownloadsPage(ElectionInfo election, Optional<Long> databaseBytes) {
        this(election, databaseBytes, List.of(), -1);
    }

    /**
     * A file of a static mirror: its path from the mirror's root, the message key describing it (with
     * {@code argument} for its placeholder, such as a view), and its size.
     */
    public record MirrorFile(String path, String messageKey, String argument, long bytes) {}
}
