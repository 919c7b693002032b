package org.veritally.server.transcribe;

import java.time.Instant;
import org.veritally.core.transcribe.PhotoKey;

/**
 * A photo handed to one account until {@code leasedUntil}: never the figures anyone else typed.
 * Whether it is a gold task is not said. Immutable.
 */
public record Task(PhotoKey photo, String contestId, Instant leasedUntil) {}
