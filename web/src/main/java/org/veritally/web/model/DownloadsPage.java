package org.veritally.web.model;

import java.util.Optional;

/** What can be downloaded now: the SQLite file (its size, when present) and the log's size. */
public record DownloadsPage(ElectionInfo election, Optional<Long> databaseBytes) {}
