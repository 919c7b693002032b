package org.veritally.core.transcribe;

/** One report on a photo as the log holds it: its index, account, reason and text. Immutable. */
public record PhotoReport(long index, String account, ReportReason reason, String text) {}
