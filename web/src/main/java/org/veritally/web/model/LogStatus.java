package org.veritally.web.model;

import java.util.Optional;

/** The public log as the site shows it: entries so far and the last signed checkpoint's size, when one exists. */
public record LogStatus(long size, Optional<Long> checkpointSize) {}
