package org.veritally.server.state;

import java.util.Arrays;

/**
 * Which log entry holds the current sheet of each station × contest × source: an open-addressing
 * map from a packed key to the entry index, about 16 bytes a sheet, so a million stations with three
 * sources fit in ~100 MB less than boxed maps would need. Keys pack the station index (31 bits), the
 * contest index (16 bits) and the source index (16 bits). Not thread-safe: the sequencer owns it.
 */
public final class CurrentSheetIndex {
  private static final long EMPTY = -1;
  private long[] keys = new long[1 << 10];
  private long[] values = new long[1 << 10];
  private int size;

  public CurrentSheetIndex() {
    Arrays.fill(keys, EMPTY);
  }

  public static long key(int station, int contest, int source) {
    if (station < 0 || contest < 0 || source < 0 || contest > 0xFFFF || source > 0xFFFF) {
      throw new IllegalArgumentException("key out of range " + station + "/" + contest + "/" + source);
    }
    return ((long) station << 32) | ((long) contest << 16) | source;
  }

  private int slot(long k, long[] ks) {
    int mask = ks.length - 1;
    int i = (int) (mix(k) & mask);
    while (ks[i] != EMPTY && ks[i] != k) i = (i + 1) & mask;
    return i;
  }

  private static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    return k;
  }

  /** The entry index for {@code key}, or -1. */
  public long get(long key) {
    int i = slot(key, keys);
    return keys[i] == EMPTY ? -1 : values[i];
  }

  public void put(long key, long entryIdx) {
    if ((size + 1) * 2 > keys.length) grow();
    int i = slot(key, keys);
    if (keys[i] == EMPTY) size++;
    keys[i] = key;
    values[i] = entryIdx;
  }

  public int size() {
    return size;
  }

  private void grow() {
    long[] ok = keys;
    long[] ov = values;
    keys = new long[ok.length * 2];
    values = new long[ok.length * 2];
    Arrays.fill(keys, EMPTY);
    for (int j = 0; j < ok.length; j++) {
      if (ok[j] != EMPTY) {
        int i = slot(ok[j], keys);
        keys[i] = ok[j];
        values[i] = ov[j];
      }
    }
  }
}
