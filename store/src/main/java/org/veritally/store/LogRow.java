package org.veritally.store;

/** One stored log entry: its index, kind, canonical bytes and leaf hash. */
public record LogRow(long idx, String kind, byte[] body, byte[] leafHash) {}
