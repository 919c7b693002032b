package org.veritally.core.reconcile;

/** One source's current copy of a station × contest sheet, as reconciliation sees it. */
public record Copy(int source, long entryIndex, CopyDigest digest) {}
